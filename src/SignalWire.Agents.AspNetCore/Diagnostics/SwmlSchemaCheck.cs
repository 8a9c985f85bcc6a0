using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Swml;

namespace SignalWire.Agents.AspNetCore.Diagnostics;

/// <summary>
/// The opt-in runtime check (<see cref="AgentOptions.ValidateSwml"/>): each served SWML document is evaluated
/// against the official schema embedded in this assembly, and a document that fails is logged once per
/// request with the JSON path of each problem. It never changes or blocks the answer.
/// </summary>
internal sealed class SwmlSchemaCheck(ILogger logger, string agent)
{
    private const int MostProblemsLogged = 10;
    private static readonly Lazy<JsonSchema> Schema = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The problems of <paramref name="json"/> as <c>path: message</c>, deepest first; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (result.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        Collect(result, problems);
        return [.. problems.OrderByDescending(p => p.IndexOf(':', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(MostProblemsLogged)];
    }

    /// <summary>Follows only the failing branches (an alternative of a passing <c>oneOf</c> is not a problem).</summary>
    private static void Collect(EvaluationResults node, List<string> problems)
    {
        if (node.IsValid)
        {
            return;
        }

        if (node.Errors is { Count: > 0 } errors)
        {
            var path = node.InstanceLocation.ToString() is { Length: > 0 } location ? location : "/";
            problems.AddRange(errors.Select(e => $"{path}: {e.Value}"));
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, problems);
        }
    }

    /// <summary>Checks a document about to be served; logs a warning when it does not match.</summary>
    public void Inspect(ReadOnlyMemory<byte> json)
    {
        var problems = Problems(json);
        if (problems.Count > 0)
        {
            Log.SwmlSchemaMismatch(logger, agent, problems.Count, string.Join("; ", problems));
        }
    }

    private static JsonSchema Load()
    {
        using var stream = typeof(SwmlSchemaCheck).Assembly.GetManifestResourceStream("SignalWire.Agents.AspNetCore.swml-schema.json")
            ?? throw new InvalidOperationException("The embedded SWML schema is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(SwmlSchemaAmendments.Apply(reader.ReadToEnd()), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
