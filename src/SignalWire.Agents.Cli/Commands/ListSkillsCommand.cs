using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Output;
using SignalWire.Agents.Skills;

namespace SignalWire.Agents.Cli.Commands;

/// <summary><c>--list-skills</c>: each skill <c>AddSkill</c> can find, with its parameters (type, required, allowed values, description).</summary>
internal static class ListSkillsCommand
{
    public static int Run(TextWriter output, IReadOnlyList<SkillInfo> skills, bool raw)
    {
        if (raw)
        {
            JsonOutput.Write(output, new JsonArray([.. skills.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["description"] = s.Description,
                ["version"] = s.Version,
                ["multiple_instances"] = s.SupportsMultipleInstances,
                ["source"] = s.Source,
                ["parameters"] = s.Parameters.DeepClone(),
            })]), indented: false);
            return 0;
        }

        output.WriteLine($"{skills.Count} skill(s)");
        foreach (var skill in skills)
        {
            output.WriteLine();
            output.WriteLine($"{skill.Name} {skill.Version}{(skill.SupportsMultipleInstances ? "  [multiple instances]" : string.Empty)}  ({skill.Source})");
            output.WriteLine($"  {skill.Description}");
            var required = (skill.Parameters["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, schema) in skill.Parameters["properties"] as JsonObject ?? [])
            {
                var details = new List<string> { schema?["type"]?.ToString() ?? "any", required.Contains(name) ? "required" : "optional" };
                if (schema?["enum"] is JsonArray values)
                {
                    details.Add("one of: " + string.Join(", ", values.Select(v => v?.ToJsonString())));
                }

                output.WriteLine($"    {name} ({string.Join(", ", details)}){(schema?["description"] is { } description ? " - " + description : string.Empty)}");
            }
        }

        return 0;
    }
}
