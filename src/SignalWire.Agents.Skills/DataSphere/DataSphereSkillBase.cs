using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills;

/// <summary>
/// What the two DataSphere skills share: the parameters (<c>space_name</c>, <c>project_id</c>, <c>token</c> or their
/// SIGNALWIRE_* variables, <c>document_id</c>, <c>count</c>, <c>distance</c>, <c>tags</c>, <c>language</c>,
/// <c>pos_to_expand</c>, <c>max_synonyms</c>, <c>no_results_message</c>, <c>base_url</c>), several instances per
/// agent (one per document, each with its own <c>tool_name</c>, default <c>search_knowledge</c>) and the prompt section.
/// </summary>
public abstract class DataSphereSkillBase : SkillBase
{
    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <summary>The document to search.</summary>
    public string? DocumentId { get => GetString("document_id"); set => SetParameter("document_id", value); }

    /// <inheritdoc />
    protected override string DefaultToolName => "search_knowledge";

    /// <summary>What the search tool says it does.</summary>
    protected static string ToolPurpose => "Search the knowledge base and return the passages that answer the query";

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

    /// <summary>The project's Basic credentials, from the parameters or the environment.</summary>
    /// <exception cref="AgentConfigurationException">The project id or token is missing.</exception>
    protected string Credentials() => SkillText.Basic(RequireSecret("project_id", "SIGNALWIRE_PROJECT_ID"), RequireSecret("token", "SIGNALWIRE_API_TOKEN"));

    /// <summary>Adds the knowledge-base prompt section naming the tool.</summary>
    protected void AddPrompt(SkillContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddPromptSection("Knowledge Base", $"Use {ToolName} to look up facts in the knowledge base before you answer.", [
            "Search with the caller's question in plain words.",
            "Answer only from what the search returns; if it finds nothing, say so.",
        ]);
    }
}
