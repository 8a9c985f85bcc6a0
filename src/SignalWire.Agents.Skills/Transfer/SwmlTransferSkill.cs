using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Transfers the call by what the caller asks for: DataMap tool <c>transfer_call</c> (argument <c>transfer_type</c>),
/// run by the platform, matching the argument against each configured pattern (a regular expression such as
/// <c>/sales|billing/i</c>) and transferring to that entry's SWML <c>url</c> (another agent) or connecting to its
/// <c>address</c> (a number or SIP address). Addresses are checked against the agent's destination policy when the
/// skill is added. Parameters: <c>transfers</c>, <c>description</c>, <c>parameter_name</c>,
/// <c>parameter_description</c>, <c>default_message</c>, <c>required_fields</c> (extra arguments saved to global
/// data under <c>call_data</c>), <c>tool_name</c>. The reference SDKs' <c>post_process</c> flags are not taken: the
/// SWML schema has no <c>post_process</c> in a DataMap output.
/// </summary>
public sealed class SwmlTransferSkill : SkillBase
{
    /// <inheritdoc />
    public override string Name => "swml_transfer";

    /// <inheritdoc />
    public override string Description => "Transfer calls to agents or numbers by what the caller asks for";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <inheritdoc />
    protected override string DefaultToolName => "transfer_call";

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["transfers"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Pattern (/regex/flags) to where it transfers",
            ["minProperties"] = 1,
            ["additionalProperties"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["url"] = SkillSchemas.Url("A SWML address to transfer to (another agent)"),
                    ["address"] = SkillSchemas.Text("A number (E.164) or SIP address to connect to", 300),
                    ["message"] = SkillSchemas.Text("What the AI says before transferring (default: Transferring you now.)"),
                    ["return_message"] = SkillSchemas.Text("What the AI says if the call comes back"),
                    ["final"] = SkillSchemas.Flag("The call leaves the AI for good (default true)"),
                    ["from_addr"] = SkillSchemas.Text("The caller id for address transfers", 300),
                },
                ["additionalProperties"] = false,
            },
        },
        ["description"] = SkillSchemas.Text("The tool's description"),
        ["parameter_name"] = SkillSchemas.ToolName("The argument's name (default transfer_type)"),
        ["parameter_description"] = SkillSchemas.Text("The argument's description"),
        ["default_message"] = SkillSchemas.Text("What the AI is told when no pattern matches"),
        ["required_fields"] = SkillSchemas.StringMap("Extra required arguments (name to description), saved to global data under call_data"),
    }, "transfers");

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var argument = GetString("parameter_name") ?? "transfer_type";
        var fields = (GetNode("required_fields") as JsonObject ?? []).Select(f => (Name: f.Key, Description: f.Value!.GetValue<string>())).ToList();
        var map = new DataMap(ToolName)
            .Purpose(GetString("description") ?? "Transfer the call to the department or person the caller asks for")
            .Parameter(argument, "string", GetString("parameter_description") ?? "Where the caller wants to go", required: true);
        foreach (var (field, description) in fields)
        {
            map.Parameter(field, "string", description, required: true);
        }

        var destinations = new List<string>();
        foreach (var (pattern, entry) in GetNode("transfers")!.AsObject())
        {
            var transfer = entry!.AsObject();
            var (url, address) = (transfer.GetString("url"), transfer.GetString("address"));
            if ((url is null) == (address is null))
            {
                throw new AgentConfigurationException($"Skill '{Name}': transfer '{pattern}' needs exactly one of url and address.");
            }

            if (address is not null && context.Agent.Settings.Destinations.Check(address) is { Allowed: false } verdict)
            {
                throw new AgentConfigurationException($"Skill '{Name}': transfer '{pattern}' goes to an address the destination policy refuses ({verdict.Reason}).");
            }

            var final = transfer.GetBoolean("final") ?? true;
            var result = WithFields(new FunctionResult(transfer.GetString("message") ?? "Transferring you now."), fields);
            result = url is not null
                ? result.SwmlTransfer(url, transfer.GetString("return_message") ?? "The transfer is over. Ask the caller how else you can help.", final)
                : result.Connect(address!, final, transfer.GetString("from_addr"));
            map.Expression($"${{args.{argument}}}", pattern, result);
            destinations.Add($"{Readable(pattern)}: {url ?? address}");
        }

        map.Expression($"${{args.{argument}}}", "/.*/", WithFields(new FunctionResult(GetString("default_message") ?? "That is not a place I can transfer to. Ask the caller which department they want."), fields));
        context.DefineDataMapTool(map);
        context.AddHints([.. GetNode("transfers")!.AsObject().SelectMany(t => Readable(t.Key).Split('|')).Select(h => h.Trim()).Where(h => h.Length > 1 && !h.StartsWith('.'))]);
        context.AddPromptSection("Transferring", $"Use {ToolName} to transfer the caller; it knows these destinations:", destinations);
    }

    private static FunctionResult WithFields(FunctionResult result, List<(string Name, string Description)> fields) =>
        fields.Count == 0 ? result : result.UpdateGlobalData(new JsonObject { ["call_data"] = new JsonObject([.. fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)$"${{args.{f.Name}}}"))]) });

    private static string Readable(string pattern)
    {
        var text = pattern.StartsWith('/') && pattern.LastIndexOf('/') > 0 ? pattern[1..pattern.LastIndexOf('/')] : pattern;
        return text.Trim('^', '$');
    }
}
