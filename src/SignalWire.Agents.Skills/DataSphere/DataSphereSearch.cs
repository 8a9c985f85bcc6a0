using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// What the DataSphere skills share: their parameters, the search request, and reading its chunks. Credentials come
/// from parameters or <c>SIGNALWIRE_SPACE</c>, <c>SIGNALWIRE_PROJECT_ID</c> and <c>SIGNALWIRE_API_TOKEN</c>.
/// </summary>
internal static class DataSphereSearch
{
    public const string DefaultNoResults = "I found nothing in the knowledge base for '{query}'. Ask the caller to put it another way.";

    public static void AddParameters(JsonObject properties)
    {
        properties["space_name"] = new JsonObject { ["type"] = "string", ["description"] = "Your SignalWire space (the 'example' of example.signalwire.com; default SIGNALWIRE_SPACE)", ["pattern"] = "^[A-Za-z0-9-]{1,63}(\\.signalwire\\.com)?$" };
        properties["project_id"] = SkillSchemas.Secret("SignalWire project id", "SIGNALWIRE_PROJECT_ID");
        properties["token"] = SkillSchemas.Secret("SignalWire API token", "SIGNALWIRE_API_TOKEN");
        properties["document_id"] = SkillSchemas.Text("The DataSphere document to search", 200);
        properties["count"] = SkillSchemas.Integer("How many chunks to return (default 1)", 1, 10);
        properties["distance"] = SkillSchemas.Number("The largest distance a match may have (default 3.0)", 0, 10);
        properties["tags"] = SkillSchemas.Strings("Only chunks with these tags");
        properties["language"] = new JsonObject { ["type"] = "string", ["description"] = "The query's language (en, es, ...)", ["pattern"] = "^[a-z]{2}(-[A-Za-z]{2})?$" };
        properties["pos_to_expand"] = new JsonObject { ["type"] = "array", ["description"] = "Parts of speech to expand with synonyms", ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("NOUN", "VERB", "ADJ", "ADV") } };
        properties["max_synonyms"] = SkillSchemas.Integer("Synonyms per expanded word", 1, 10);
        properties["no_results_message"] = SkillSchemas.Text("What the AI is told when nothing matches; {query} is replaced by the query");
        properties["base_url"] = SkillSchemas.Url("The DataSphere API's address (default https://<space>.signalwire.com), for proxies and tests");
    }

    /// <summary>The search address, from <c>base_url</c> or the space.</summary>
    public static Uri Endpoint(SkillBase skill, JsonObject parameters)
    {
        string baseUrl;
        if (parameters.GetString("base_url") is { } given)
        {
            baseUrl = given;
        }
        else
        {
            var space = parameters.GetString("space_name") ?? Environment.GetEnvironmentVariable("SIGNALWIRE_SPACE")
                ?? throw new AgentConfigurationException($"Skill '{skill.Name}': space_name is required (or set SIGNALWIRE_SPACE).");
            baseUrl = "https://" + (Configuration.SignalWireSpace.ToHost(space)
                ?? throw new AgentConfigurationException($"Skill '{skill.Name}': the space is not a host name."));
        }

        return new Uri(baseUrl.TrimEnd('/') + "/api/datasphere/documents/search");
    }

    /// <summary>The request body, with <paramref name="query"/> as the query string.</summary>
    public static JsonObject Body(JsonObject parameters, string query)
    {
        var body = new JsonObject
        {
            ["document_id"] = parameters.GetString("document_id") ?? throw new AgentConfigurationException("document_id is required."),
            ["query_string"] = query,
            ["distance"] = parameters["distance"]?.DeepClone() ?? 3.0,
            ["count"] = parameters["count"]?.DeepClone() ?? 1,
        };
        foreach (var optional in (string[])["tags", "language", "pos_to_expand", "max_synonyms"])
        {
            if (parameters[optional] is { } value)
            {
                body[optional] = value.DeepClone();
            }
        }

        return body;
    }

    /// <summary>The text of each chunk in a search response (<c>text</c>, else <c>content</c>, else <c>chunk</c>).</summary>
    public static IReadOnlyList<string> Chunks(JsonNode response) =>
        response is JsonObject { } obj && obj["chunks"] is JsonArray chunks
            ? [.. chunks.OfType<JsonObject>().Select(c => (c.GetString("text") ?? c.GetString("content") ?? c.GetString("chunk"))?.Trim()).OfType<string>().Where(t => t.Length > 0)]
            : [];
}
