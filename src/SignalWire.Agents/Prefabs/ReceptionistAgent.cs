using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Prefabs;

/// <summary>
/// Greets callers, learns who they are and why they call (<c>collect_caller_info</c>, kept in global data
/// <c>caller_info</c>), and transfers them to a department (<c>transfer_call</c>, a <c>connect</c> after the AI has
/// spoken). The department list is an enum in the tool's schema and the destinations come from the options, never
/// from the conversation; the destination policy checks them like any transfer.
/// </summary>
public partial class ReceptionistAgent : AgentBase
{
    private readonly Dictionary<string, Department> _departments;

    /// <summary>Creates the agent.</summary>
    /// <exception cref="ArgumentException">No departments, or a department is invalid.</exception>
    public ReceptionistAgent(ReceptionistOptions options)
        : base(Prefab.Options(options?.Agent, "receptionist", "/receptionist"))
    {
        ArgumentNullException.ThrowIfNull(options);
        _departments = Validate(options.Departments);
        PromptAddSection("Role", "You are the receptionist. Greet callers, find out who they are and what they need, and transfer them to the right department.");
        PromptAddSection("Greeting", $"Start with: \"{Prefab.Required(options.Greeting, "ReceptionistOptions.Greeting")}\"");
        PromptAddSection("Steps", bullets:
        [
            "Ask for the caller's name and the reason for the call, then call collect_caller_info.",
            "Choose the department that fits the reason; if unsure, ask one clarifying question.",
            "Tell the caller where you are transferring them, then call transfer_call.",
        ]);
        PromptAddSection("Available Departments", bullets: [.. _departments.Values.Select(d => $"{d.Name}: {d.Description}")]);
        AddLanguage("English", "en-US", Prefab.Required(options.Voice, "ReceptionistOptions.Voice"));
        SetParam("end_of_speech_timeout", 700);
        SetGlobalData(new JsonObject { ["caller_info"] = new JsonObject() });
        DefineTool("collect_caller_info", "Record the caller's name and reason for calling", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string", ["description"] = "The caller's name", ["minLength"] = 1, ["maxLength"] = 200 },
                ["reason"] = new JsonObject { ["type"] = "string", ["description"] = "Why they are calling", ["minLength"] = 1, ["maxLength"] = 1000 },
            },
            ["required"] = new JsonArray("name", "reason"),
        }, CollectCallerInfo);
        DefineTool("transfer_call", "Transfer the caller to a department", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["department"] = new JsonObject { ["type"] = "string", ["description"] = "The department", ["enum"] = new JsonArray([.. _departments.Keys.Select(k => (JsonNode)k)]) },
            },
            ["required"] = new JsonArray("department"),
        }, TransferCall, new ToolOptions { RateLimit = ToolRateLimit.PerMinute(5) });
    }

    private static Dictionary<string, Department> Validate(IReadOnlyList<Department>? departments)
    {
        if (departments is null || departments.Count == 0)
        {
            throw new ArgumentException("ReceptionistAgent needs at least one department.", nameof(departments));
        }

        var byName = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var d in departments)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(departments));
            if (!NamePattern().IsMatch(d.Name ?? string.Empty) || string.IsNullOrWhiteSpace(d.Description) || string.IsNullOrWhiteSpace(d.Destination))
            {
                throw new ArgumentException($"Department '{d.Name}': the name must match [a-z_][a-z0-9_-]*, and the description and destination must not be empty.", nameof(departments));
            }

            if (!byName.TryAdd(d.Name!, d))
            {
                throw new ArgumentException($"Department '{d.Name}' is listed twice.", nameof(departments));
            }
        }

        return byName;
    }

    private static ValueTask<FunctionResult> CollectCallerInfo(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var name = args["name"]!.GetValue<string>().Trim();
        var reason = args["reason"]!.GetValue<string>().Trim();
        return ValueTask.FromResult(new FunctionResult($"Thank you, {name}. Now choose the department for: {reason}")
            .UpdateGlobalData(new JsonObject { ["caller_info"] = new JsonObject { ["name"] = name, ["reason"] = reason } }));
    }

    private ValueTask<FunctionResult> TransferCall(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var department = _departments[args["department"]!.GetValue<string>()];
        var who = context.GlobalData?["caller_info"]?["name"] is JsonValue name && name.TryGetValue<string>(out var n) && n.Length > 0 ? $", {n}" : string.Empty;
        return ValueTask.FromResult(new FunctionResult($"I'm transferring you to {department.Name} now{who}. Please hold.", postProcess: true)
            .Connect(department.Destination, final: true));
    }

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
