using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Plays audio files in the background of the conversation: DataMap tool <c>play_background_file</c> (argument
/// <c>action</c>: <c>start_&lt;key&gt;</c> for each file, or <c>stop</c>), run by the SignalWire platform. Several
/// instances with different <c>tool_name</c>s may share an agent. Parameters: <c>files</c> (each <c>key</c>,
/// <c>description</c>, <c>url</c>, optional <c>wait</c>), <c>tool_name</c>.
/// </summary>
public sealed class PlayBackgroundFileSkill : SkillBase
{
    /// <inheritdoc />
    public override string Name => "play_background_file";

    /// <inheritdoc />
    public override string Description => "Play and stop background audio files";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["files"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "The files the AI may play",
                ["minItems"] = 1,
                ["maxItems"] = 50,
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["key"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9_-]{1,64}$" },
                        ["description"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 200 },
                        ["url"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
                        ["wait"] = new JsonObject { ["type"] = "boolean" },
                    },
                    ["required"] = new JsonArray("key", "description", "url"),
                    ["additionalProperties"] = false,
                },
            },
        },
        ["required"] = new JsonArray("files"),
    };

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var files = GetNode("files")!.AsArray().Select(f => f!.AsObject()).ToList();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var key = file["key"]!.GetValue<string>();
            if (!keys.Add(key) || key.Equals("stop", StringComparison.OrdinalIgnoreCase))
            {
                throw new AgentConfigurationException($"Skill '{Name}': file key '{key}' is used twice or is reserved ('stop').");
            }

            if (!Uri.TryCreate(file["url"]!.GetValue<string>(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new AgentConfigurationException($"Skill '{Name}': the url of file '{key}' must be an absolute http or https URL.");
            }
        }

        var map = new DataMap(ToolName)
            .Purpose("Start or stop background audio")
            .Parameter("action", "string", "What to do: " + string.Join("; ", files.Select(f => $"start_{f["key"]} ({f["description"]})").Append("stop (stop the audio)")),
                required: true, enumValues: [.. files.Select(f => "start_" + f["key"]!.GetValue<string>()), "stop"]);
        foreach (var file in files)
        {
            var wait = file.AsObject().GetBoolean("wait") == true;
            map.Expression("${args.action}", $"/^start_{file["key"]}$/", new FunctionResult($"Tell the caller you are now playing {file["description"]}.")
                .PlayBackgroundFile(file["url"]!.GetValue<string>(), wait));
        }

        map.Expression("${args.action}", "/^stop$/", new FunctionResult("Tell the caller the background audio has stopped.").StopBackgroundFile());
        context.DefineDataMapTool(map);
    }
}
