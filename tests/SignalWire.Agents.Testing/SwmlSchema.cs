using System.Text.Json;
using Json.Schema;
using Xunit;

namespace SignalWire.Agents.Testing;

/// <summary>
/// The official SWML schema from <c>../shared/swml/schema.json</c>. Under CI (<c>CI=true</c>) a missing
/// schema fails the test; elsewhere the test is skipped with a message saying where the file was sought.
/// </summary>
public static class SwmlSchema
{
    private static readonly Lazy<JsonSchema?> Schema = new(Load);

    /// <summary>Where the schema was looked for (or found).</summary>
    public static string? Location { get; private set; }

    /// <summary>Asserts that <paramref name="json"/> is a valid SWML document; the failure lists every error.</summary>
    public static void AssertValid(string json)
    {
        var schema = Schema.Value;
        if (schema is null)
        {
            var message = $"SWML schema not found (looked for shared/swml/schema.json above {AppContext.BaseDirectory}).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .OrderByDescending(d => d.InstanceLocation.ToString().Length)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .Take(15);
            Assert.Fail("SWML document does not validate against the schema:\n" + string.Join("\n", errors) + "\nDocument: " + json);
        }
    }

    private static JsonSchema? Load()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SIGNALWIRE_SWML_SCHEMA");
        var path = fromEnv is { Length: > 0 } ? fromEnv : Find();
        Location = path;
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(File.ReadAllText(path), options);
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "swml", "schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
