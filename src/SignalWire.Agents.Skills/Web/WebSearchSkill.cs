using System.Text;
using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Searches the web with Google Programmable Search and reads the best pages: tool <c>web_search</c> (argument
/// <c>query</c>). Result pages are fetched through the SSRF guard, in parallel, each within <c>per_page_timeout</c>
/// and all within <c>overall_deadline</c>; pages with too little text are skipped, and the search snippets are used
/// when no page qualifies (or always, with <c>snippets_only</c>). Parameters: <c>api_key</c> (or
/// <c>GOOGLE_SEARCH_API_KEY</c>), <c>search_engine_id</c> (or <c>GOOGLE_SEARCH_ENGINE_ID</c>), <c>num_results</c>,
/// <c>max_content_length</c>, <c>min_content_length</c>, <c>snippets_only</c>, <c>per_page_timeout</c>,
/// <c>overall_deadline</c>, <c>no_results_message</c>, <c>response_prefix</c>, <c>response_postfix</c>, <c>tool_name</c>.
/// </summary>
public sealed class WebSearchSkill : SkillBase
{
    private Uri? _endpoint;
    private string? _key;
    private string? _engine;

    /// <inheritdoc />
    public override string Name => "web_search";

    /// <inheritdoc />
    public override string Description => "Search the web and read the best pages (Google Programmable Search)";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <summary>The Google API key (else <c>GOOGLE_SEARCH_API_KEY</c>).</summary>
    public string? ApiKey { get => GetString("api_key"); set => SetParameter("api_key", value); }

    /// <summary>The Programmable Search Engine id (else <c>GOOGLE_SEARCH_ENGINE_ID</c>).</summary>
    public string? SearchEngineId { get => GetString("search_engine_id"); set => SetParameter("search_engine_id", value); }

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["api_key"] = SkillSchemas.Secret("Google API key", "GOOGLE_SEARCH_API_KEY"),
        ["search_engine_id"] = SkillSchemas.Secret("Programmable Search Engine id (cx)", "GOOGLE_SEARCH_ENGINE_ID"),
        ["num_results"] = SkillSchemas.Integer("Pages to read (default 3)", 1, 10),
        ["max_content_length"] = SkillSchemas.Integer("The most characters returned in all (default 8000)", 500, 100000),
        ["min_content_length"] = SkillSchemas.Integer("A page with less text than this is skipped (default 200)", 0, 10000),
        ["snippets_only"] = SkillSchemas.Flag("Return the search snippets without reading pages (fastest)"),
        ["per_page_timeout"] = SkillSchemas.Number("Seconds to wait for one page (default 3)", 0.5, 20),
        ["overall_deadline"] = SkillSchemas.Number("Seconds for all pages together (default 8)", 1, 50),
        ["no_results_message"] = SkillSchemas.Text("What the AI is told when nothing is found; {query} is replaced by the query"),
        ["response_prefix"] = SkillSchemas.Text("Text put before every result"),
        ["response_postfix"] = SkillSchemas.Text("Text put after every result"),
        ["base_url"] = SkillSchemas.Url("The search API's address (default https://www.googleapis.com/customsearch/v1), for proxies and tests"),
    });

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        _endpoint = GetUrl("base_url", "https://www.googleapis.com/customsearch/v1");
        _key = RequireSecret("api_key", "GOOGLE_SEARCH_API_KEY");
        _engine = RequireSecret("search_engine_id", "GOOGLE_SEARCH_ENGINE_ID");
        context.DefineTool(ToolName, "Search the web for current information and read the best pages", SkillSchemas.OneArgument("query", "What to search for"), SearchAsync);
        context.SetGlobalData(new JsonObject { ["web_search_enabled"] = true, ["search_provider"] = "Google Custom Search" });
        context.AddPromptSection("Web Search", $"Use {ToolName} when the caller asks about something you need to look up.", [
            "Search with a short, specific query.",
            "Summarise what you find in plain spoken sentences; do not read out addresses of web pages.",
        ]);
    }

    private async ValueTask<FunctionResult> SearchAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var query = args.GetString("query")!.Trim();
        var wanted = GetInt("num_results", 3);
        var http = HttpFor(call);
        IReadOnlyList<(string Title, Uri Link, string Snippet)> hits;
        try
        {
            var url = new Uri($"{_endpoint!.GetLeftPart(UriPartial.Path)}?key={Uri.EscapeDataString(_key!)}&cx={Uri.EscapeDataString(_engine!)}&q={Uri.EscapeDataString(query)}&num={Math.Min(10, wanted * 2)}");
            var found = await http.GetJsonAsync(url, cancellationToken: cancellationToken).ConfigureAwait(false);
            hits = [.. (found["items"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(i => (Title: i.GetString("title") ?? string.Empty, Link: Uri.TryCreate(i.GetString("link"), UriKind.Absolute, out var link) ? link : null, Snippet: i.GetString("snippet") ?? string.Empty))
                .Where(i => i.Link is not null)
                .Select(i => (i.Title, i.Link!, i.Snippet))];
        }
        catch (SkillHttpException)
        {
            return new FunctionResult("The web search is not available right now. Offer to try again later.");
        }

        if (hits.Count == 0)
        {
            return new FunctionResult(Message("no_results_message", "The web search found nothing for '{query}'. Ask the caller to put it another way.", query));
        }

        var budget = GetInt("max_content_length", 8000);
        var pages = GetBool("snippets_only", false) ? [] : await ReadPagesAsync(http, hits, wanted, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder($"Web results for '{query}':");
        if (pages.Count > 0)
        {
            foreach (var (title, link, content) in pages)
            {
                text.Append("\n\n").Append(title).Append(" (").Append(link.Host).Append("): ").Append(SkillText.Shorten(content, Math.Max(200, budget / pages.Count)));
            }
        }
        else
        {
            foreach (var (title, link, snippet) in hits.Take(wanted))
            {
                text.Append("\n\n").Append(title).Append(" (").Append(link.Host).Append("): ").Append(HtmlText.Collapse(snippet));
            }
        }

        return new FunctionResult(Framed(SkillText.Shorten(text.ToString(), budget)));
    }

    private async Task<IReadOnlyList<(string Title, Uri Link, string Content)>> ReadPagesAsync(SkillHttp http, IReadOnlyList<(string Title, Uri Link, string Snippet)> hits, int wanted, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(GetNumber("overall_deadline", 8)));
        var perPage = TimeSpan.FromSeconds(GetNumber("per_page_timeout", 3));
        var minimum = GetInt("min_content_length", 200);
        var reads = hits.Select(hit => ReadAsync(http, hit.Link, perPage, deadline.Token)).ToList();
        try
        {
            await Task.WhenAll(reads).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline passed: use the pages read so far.
        }

        return [.. hits.Zip(reads)
            .Where(p => p.Second.IsCompletedSuccessfully && p.Second.Result is { } content && content.Length >= minimum)
            .Select(p => (p.First.Title, p.First.Link, p.Second.Result!))
            .Take(wanted)];
    }

    private static async Task<string?> ReadAsync(SkillHttp http, Uri link, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        try
        {
            var response = await http.SendAsync(request, SkillHttpTarget.Untrusted, limit.Token).ConfigureAwait(false);
            return (int)response.StatusCode is < 200 or > 299 ? null : WebPages.Text(response);
        }
        catch (Exception ex) when (ex is SkillHttpException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
