using SignalWire.Agents.DataMaps;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Searches a SignalWire DataSphere document from the platform: DataMap tool <c>search_knowledge</c> (argument
/// <c>query</c>), so the agent never sees the request. The project's Basic credentials are written into the served
/// SWML (only the platform, behind the agent's Basic Auth, receives it); use <see cref="DataSphereSkill"/> to keep
/// them in the agent. Parameters as <see cref="DataSphereSkill"/>.
/// </summary>
public sealed class DataSphereServerlessSkill : DataSphereSkillBase
{
    /// <inheritdoc />
    public override string Name => "datasphere_serverless";

    /// <inheritdoc />
    public override string Description => "Search a SignalWire DataSphere knowledge base from the platform (DataMap)";

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var endpoint = DataSphereSearch.Endpoint(this, Parameters);
        var authorization = Credentials();
        var count = GetInt("count", 1);
        context.DefineDataMapTool(new DataMap(ToolName)
            .Purpose(ToolPurpose)
            .Parameter("query", "string", "What to look for, in the caller's words", required: true)
            .Webhook("POST", endpoint.ToString(), new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Authorization"] = authorization })
            .Params(DataSphereSearch.Body(Parameters, "${args.query}"))
            .ForEach("chunks", "passages", "- ${this.text}\n", count)
            .Output(new FunctionResult("Passages for \"${args.query}\":\n${passages}"))
            .ErrorKeys("error")
            .FallbackOutput(new FunctionResult(Message("no_results_message", DataSphereSearch.DefaultNoResults, "${args.query}"))));
        AddPrompt(context);
    }
}
