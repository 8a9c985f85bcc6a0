using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Searches a document index: tool <c>search_knowledge</c> (arguments <c>query</c>, optional <c>count</c>). Three
/// backends: a search server (<c>remote_url</c>, as the reference SDKs' <c>sw-search</c> serves: <c>POST /search</c>,
/// Basic credentials from the URL's user-info), SignalWire DataSphere (<c>document_id</c> with the space
/// credentials), or a local keyword index of a folder (<c>source_dir</c>, <c>file_types</c>), built in memory when
/// the skill is added and ranked by BM25. The local index matches words, not meanings: a vector index needs an
/// embedding model, so for semantic search use a search server or DataSphere. Several instances may share an
/// agent, each with its own <c>tool_name</c>.
/// </summary>
public sealed class NativeVectorSearchSkill : SkillBase
{
    private Uri? _endpoint;
    private string? _authorization;
    private bool _dataSphere;
    private KeywordIndex? _local;

    /// <inheritdoc />
    public override string Name => "native_vector_search";

    /// <inheritdoc />
    public override string Description => "Search a document index (a search server or SignalWire DataSphere)";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <inheritdoc />
    protected override string DefaultToolName => "search_knowledge";

    /// <inheritdoc />
    protected override JsonObject ParameterSchema
    {
        get
        {
            var properties = new JsonObject
            {
                ["remote_url"] = SkillSchemas.Url("The search server (http://user:password@host:port); its /search is called"),
                ["index_name"] = new JsonObject { ["type"] = "string", ["description"] = "The index on the search server (default default)", ["pattern"] = "^[A-Za-z0-9_.-]{1,100}$" },
                ["similarity_threshold"] = SkillSchemas.Number("The lowest score a result may have (default 0)", 0, 1),
                ["source_dir"] = SkillSchemas.Text("A folder of documents to index locally (keyword ranking)", 1000),
                ["file_types"] = SkillSchemas.Strings("File extensions indexed from source_dir (default md and txt)"),
                ["description"] = SkillSchemas.Text("The tool's description (default: search the knowledge base)"),
                ["max_content_length"] = SkillSchemas.Integer("The most characters returned in all (default 8000)", 500, 100000),
                ["response_prefix"] = SkillSchemas.Text("Text put before every result"),
                ["response_postfix"] = SkillSchemas.Text("Text put after every result"),
            };
            DataSphereSearch.AddParameters(properties);
            properties["count"] = SkillSchemas.Integer("Results per search (default 3)", 1, 20);
            return SkillSchemas.Object(properties);
        }
    }

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        if (GetString("remote_url") is { } remote)
        {
            var url = GetUrl("remote_url", remote);
            if (url.UserInfo.Length > 0)
            {
                var (user, password) = url.UserInfo.Split(':', 2) is [var u, var p] ? (Uri.UnescapeDataString(u), Uri.UnescapeDataString(p)) : (Uri.UnescapeDataString(url.UserInfo), string.Empty);
                _authorization = SkillText.Basic(user, password);
            }

            _endpoint = new Uri(new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri.TrimEnd('/') + "/search");
        }
        else if (GetString("document_id") is not null)
        {
            _dataSphere = true;
            _endpoint = DataSphereSearch.Endpoint(this, Parameters);
            _authorization = SkillText.Basic(RequireSecret("project_id", "SIGNALWIRE_PROJECT_ID"), RequireSecret("token", "SIGNALWIRE_API_TOKEN"));
        }
        else if (GetString("source_dir") is { } folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new AgentConfigurationException($"Skill '{Name}': source_dir '{folder}' is not a folder.");
            }

            var types = GetNode("file_types") is JsonArray given ? given.Select(t => t!.GetValue<string>().TrimStart('.')).ToList() : ["md", "txt"];
            _local = KeywordIndex.Build(folder, types);
        }
        else
        {
            throw new AgentConfigurationException($"Skill '{Name}': give remote_url (a search server), document_id (DataSphere) or source_dir (a local folder).");
        }

        var count = GetInt("count", 3);
        context.DefineTool(ToolName, GetString("description") ?? "Search the knowledge base for passages that answer a question", SkillSchemas.Object(new JsonObject
        {
            ["query"] = new JsonObject { ["type"] = "string", ["description"] = "The question or keywords", ["minLength"] = 1, ["maxLength"] = 500 },
            ["count"] = SkillSchemas.Integer($"How many results (default {count})", 1, 20),
        }, "query"), SearchAsync);
        context.AddHints("search", "look up", "knowledge base");
        context.AddPromptSection("Knowledge Search", $"Use {ToolName} to find facts in the documents before you answer.", [
            "Answer only from what the search returns; if it finds nothing, say so.",
        ]);
    }

    private async ValueTask<FunctionResult> SearchAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var query = args.GetString("query")!.Trim();
        var count = args.GetInt32("count") ?? GetInt("count", 3);
        IReadOnlyList<(string Content, string? Source, double? Score)> results;
        try
        {
            var headers = _authorization is null ? [] : new KeyValuePair<string, string>[] { new("Authorization", _authorization) };
            if (_local is not null)
            {
                results = [.. _local.Search(query, count).Select(r => (r.Content, (string?)(r.Section is null ? r.File : $"{r.File}, {r.Section}"), (double?)r.Score))];
            }
            else if (_dataSphere)
            {
                var body = DataSphereSearch.Body(Parameters, query);
                body["count"] = count;
                results = [.. DataSphereSearch.Chunks(await HttpFor(call).PostJsonAsync(_endpoint!, body, headers, cancellationToken).ConfigureAwait(false)).Select(c => (c, (string?)null, (double?)null))];
            }
            else
            {
                var body = new JsonObject
                {
                    ["query"] = query,
                    ["index_name"] = GetString("index_name") ?? "default",
                    ["count"] = count,
                    ["similarity_threshold"] = GetNumber("similarity_threshold", 0),
                    ["tags"] = GetNode("tags") ?? new JsonArray(),
                };
                var response = await HttpFor(call).PostJsonAsync(_endpoint!, body, headers, cancellationToken).ConfigureAwait(false);
                results = [.. (response["results"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(r => (Content: r.GetString("content")?.Trim() ?? string.Empty, Source: Source(r["metadata"] as JsonObject), Score: r["score"] is JsonValue v && v.TryGetValue<double>(out var d) ? d : (double?)null))
                    .Where(r => r.Content.Length > 0)];
            }
        }
        catch (SkillHttpException)
        {
            return new FunctionResult("The knowledge search is not available right now. Offer to try again later.");
        }

        if (results.Count == 0)
        {
            return new FunctionResult(Message("no_results_message", "I found nothing in the documents for '{query}'. Ask the caller to put it another way.", query));
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{results.Count} result(s) for '{query}':");
        var share = Math.Max(200, GetInt("max_content_length", 8000) / results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var (content, source, score) = results[i];
            text.Append(CultureInfo.InvariantCulture, $"\n\n[{i + 1}]");
            text.Append(source is null ? string.Empty : " " + source).Append(score is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (score {score:0.00})"));
            text.Append('\n').Append(SkillText.Shorten(content, share));
        }

        return new FunctionResult(Framed(text.ToString()));
    }

    private static string? Source(JsonObject? metadata) =>
        metadata?.GetString("filename") is { } file ? (metadata.GetString("section") is { Length: > 0 } section ? $"{file}, {section}" : file) : null;
}
