using System.Globalization;
using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Output;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Cli.Commands;

/// <summary><c>--list-tools</c>: each tool with its flags, parameters (type, required, allowed values) and description.</summary>
internal static class ListToolsCommand
{
    public static int Run(TextWriter output, AgentBase agent, bool raw)
    {
        var tools = agent.Tools.All;
        IEnumerable<string> Flags(ToolDefinition tool) => ToolFlags(tool, agent.RequiresVerifiedCaller(tool));
        JsonObject Describe(ToolDefinition tool) => new()
        {
            ["name"] = tool.Name,
            ["description"] = tool.Description,
            ["secure"] = tool.Secure,
            ["flags"] = new JsonArray([.. Flags(tool).Select(f => (JsonNode)f)]),
            ["parameters"] = tool.WireParameters.DeepClone(),
        };

        if (raw)
        {
            JsonOutput.Write(output, new JsonArray([.. tools.Select(t => (JsonNode)Describe(t))]), indented: false);
            return 0;
        }

        output.WriteLine($"Agent '{agent.Name}': {tools.Count} tool(s)");
        foreach (var tool in tools)
        {
            output.WriteLine();
            output.WriteLine($"{tool.Name}{string.Concat(Flags(tool).Select(f => $"  [{f}]"))}");
            output.WriteLine($"  {tool.Description}");
            // What the AI sees: the wire schema, which includes the confirmation flag where one is required.
            var required = (tool.WireParameters["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, schema) in tool.WireParameters["properties"] as JsonObject ?? [])
            {
                var details = new List<string> { TypeOf(schema), required.Contains(name) ? "required" : "optional" };
                if (schema?["enum"] is JsonArray values)
                {
                    details.Add("one of: " + string.Join(", ", values.Select(v => v?.ToJsonString())));
                }

                var description = schema?["description"]?.GetValue<string>() is { } text ? " - " + text : string.Empty;
                output.WriteLine($"    {name} ({string.Join(", ", details)}){description}");
            }
        }

        return 0;
    }

    private static IEnumerable<string> ToolFlags(ToolDefinition tool, bool verifiedCaller)
    {
        if (tool.Secure)
        {
            yield return "secure";
        }

        if (tool.Options.Sensitive)
        {
            yield return "sensitive";
        }

        if (tool.Options.RequiresConfirmation)
        {
            yield return "confirmation";
        }

        if (verifiedCaller)
        {
            yield return "verified caller";
        }

        if (tool.DataMap is not null)
        {
            yield return "data_map";
        }

        if (tool.Options.RateLimit is { } limit)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{limit.PermitLimit} per {limit.Window.TotalSeconds:0}s");
        }
    }

    private static string TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue single => single.ToString(),
        JsonArray many => string.Join("|", many.Select(t => t?.ToString())),
        _ => schema?["anyOf"] is not null || schema?["oneOf"] is not null ? "union" : "untyped",
    };
}
