using System.Text.Json;
using Json.Schema;
using Xunit;

namespace SignalWire.Agents.Testing;

/// <summary>
/// The official SWML schema, vendored at <c>schemas/swml/schema.json</c> (see the README beside it for its
/// source); <c>SIGNALWIRE_SWML_SCHEMA</c> points at another copy. A missing schema fails the test: it is never skipped.
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
            Assert.Fail($"SWML schema not found at {Location}.");
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
        return JsonSchema.FromText(SignalWire.Agents.Swml.SwmlSchemaAmendments.Apply(File.ReadAllText(path)), options);
    }

    private static string Find() => Path.Combine(RepositoryPaths.Root, "schemas", "swml", "schema.json");
}
