using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Searches a SignalWire DataSphere document from the agent: tool <c>search_knowledge</c> (argument <c>query</c>).
/// The project token stays in the agent. Several instances (documents) may share an agent, each with its own
/// <c>tool_name</c>. Parameters: <c>space_name</c>, <c>project_id</c>, <c>token</c> (or their SIGNALWIRE_* variables),
/// <c>document_id</c>, <c>count</c>, <c>distance</c>, <c>tags</c>, <c>language</c>, <c>pos_to_expand</c>,
/// <c>max_synonyms</c>, <c>no_results_message</c>.
/// </summary>
public sealed class DataSphereSkill : DataSphereSkillBase
{
    private Uri? _endpoint;
    private string? _authorization;

    /// <inheritdoc />
    public override string Name => "datasphere";

    /// <inheritdoc />
    public override string Description => "Search a SignalWire DataSphere knowledge base";

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        _endpoint = DataSphereSearch.Endpoint(this, Parameters);
        _authorization = Credentials();
        context.DefineTool(ToolName, ToolPurpose,
            SkillSchemas.OneArgument("query", "What to look for, in the caller's words"), SearchAsync);
        AddPrompt(context);
    }

    private async ValueTask<FunctionResult> SearchAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var query = args.GetString("query")!.Trim();
        JsonNode response;
        try
        {
            response = await HttpFor(call).PostJsonAsync(_endpoint!, DataSphereSearch.Body(Parameters, query), [new("Authorization", _authorization!)], cancellationToken).ConfigureAwait(false);
        }
        catch (SkillHttpException ex)
        {
            return new FunctionResult(ex.Failure == SkillHttpFailure.Timeout
                ? "The knowledge base took too long to answer. Offer to try again."
                : "The knowledge base is not available right now. Offer to try again later.");
        }

        var chunks = DataSphereSearch.Chunks(response);
        if (chunks.Count == 0)
        {
            return new FunctionResult(Message("no_results_message", DataSphereSearch.DefaultNoResults, query));
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{chunks.Count} passage(s) for '{query}':");
        for (var i = 0; i < chunks.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n[{i + 1}] {chunks[i]}");
        }

        return new FunctionResult(text.ToString());
    }
}
