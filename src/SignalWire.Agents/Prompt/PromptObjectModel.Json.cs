using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Prompt;

/// <summary>Reading a prompt object model from its JSON form (the array under <c>ai.prompt.pom</c>).</summary>
public sealed partial class PromptObjectModel
{
    /// <summary>
    /// Reads a POM from JSON: an array of sections, each with <c>title</c>, <c>body</c>, <c>bullets</c>,
    /// <c>subsections</c>, <c>numbered</c> and <c>numberedBullets</c> (all optional but a title after the first section).
    /// </summary>
    /// <exception cref="ArgumentException">The JSON is not a POM; the message names the path of the first problem.</exception>
    public static PromptObjectModel FromJson(JsonArray sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var pom = new PromptObjectModel();
        try
        {
            for (var i = 0; i < sections.Count; i++)
            {
                var json = Section(sections[i], $"[{i}]");
                var section = pom.AddSection(Text(json, "title", $"[{i}]"), Text(json, "body", $"[{i}]"), Bullets(json, $"[{i}]"));
                Fill(section, json, $"[{i}]");
            }
        }
        catch (ArgumentException ex) when (ex.ParamName != nameof(sections))
        {
            throw new ArgumentException(ex.Message.StartsWith("POM ", StringComparison.Ordinal) ? ex.Message : $"POM: {ex.Message}", nameof(sections), ex);
        }

        return pom;
    }

    private static void Fill(PromptSection section, JsonObject json, string path)
    {
        section.Numbered = Flag(json, "numbered", path);
        section.NumberedBullets = Flag(json, "numberedBullets", path) ?? false;
        if (json["subsections"] is null)
        {
            return;
        }

        if (json["subsections"] is not JsonArray subsections)
        {
            throw new ArgumentException($"POM {path}.subsections must be an array.");
        }

        for (var i = 0; i < subsections.Count; i++)
        {
            var subPath = $"{path}.subsections[{i}]";
            var subJson = Section(subsections[i], subPath);
            var title = Text(subJson, "title", subPath) ?? throw new ArgumentException($"POM {subPath} needs a title.");
            Fill(section.AddSubsection(title, Text(subJson, "body", subPath), Bullets(subJson, subPath)), subJson, subPath);
        }
    }

    private static JsonObject Section(JsonNode? node, string path) =>
        node as JsonObject ?? throw new ArgumentException($"POM {path} must be an object.");

    private static string? Text(JsonObject json, string key, string path) => json[key] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new ArgumentException($"POM {path}.{key} must be a string."),
    };

    private static bool? Flag(JsonObject json, string key, string path) =>
        json[key] is null ? null : json.GetBoolean(key) ?? throw new ArgumentException($"POM {path}.{key} must be true or false.");

    private static string[]? Bullets(JsonObject json, string path) => json["bullets"] switch
    {
        null => null,
        JsonArray array when array.All(b => b is JsonValue v && v.GetValueKind() == JsonValueKind.String) => [.. array.Select(b => b!.GetValue<string>())],
        _ => throw new ArgumentException($"POM {path}.bullets must be an array of strings."),
    };
}
