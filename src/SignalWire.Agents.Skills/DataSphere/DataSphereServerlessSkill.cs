using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Searches a SignalWire DataSphere document from the platform: DataMap tool <c>search_knowledge</c> (argument
/// <c>query</c>), so the agent never sees the request. The project's Basic credentials are written into the served
/// SWML (only the platform, behind the agent's Basic Auth, receives it); use <see cref="DataSphereSkill"/> to keep
/// them in the agent. Parameters as <see cref="DataSphereSkill"/>.
/// </summary>
public sealed class DataSphereServerlessSkill : SkillBase
{
    /// <inheritdoc />
    public override string Name => "datasphere_serverless";

    /// <inheritdoc />
    public override string Description => "Search a SignalWire DataSphere knowledge base from the platform (DataMap)";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <inheritdoc />
    protected override string DefaultToolName => "search_knowledge";

    /// <summary>The document to search.</summary>
    public string? DocumentId { get => GetString("document_id"); set => SetParameter("document_id", value); }

    /// <inheritdoc />
    protected override JsonObject ParameterSchema
    {
        get
        {
            var properties = new JsonObject();
            DataSphereSearch.AddParameters(properties);
            return SkillSchemas.Object(properties, "document_id");
        }
    }

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var endpoint = DataSphereSearch.Endpoint(this, Parameters);
        var authorization = SkillText.Basic(RequireSecret("project_id", "SIGNALWIRE_PROJECT_ID"), RequireSecret("token", "SIGNALWIRE_API_TOKEN"));
        var count = GetInt("count", 1);
        context.DefineDataMapTool(new DataMap(ToolName)
            .Purpose("Search the knowledge base and return the passages that answer the query")
            .Parameter("query", "string", "What to look for, in the caller's words", required: true)
            .Webhook("POST", endpoint.ToString(), new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Authorization"] = authorization })
            .Params(DataSphereSearch.Body(Parameters, "${args.query}"))
            .ForEach("chunks", "passages", "- ${this.text}\n", count)
            .Output(new FunctionResult("Passages for \"${args.query}\":\n${passages}"))
            .ErrorKeys("error")
            .FallbackOutput(new FunctionResult(Message("no_results_message", DataSphereSearch.DefaultNoResults, "${args.query}"))));
        context.AddPromptSection("Knowledge Base", $"Use {ToolName} to look up facts in the knowledge base before you answer.", [
            "Search with the caller's question in plain words.",
            "Answer only from what the search returns; if it finds nothing, say so.",
        ]);
    }
}
