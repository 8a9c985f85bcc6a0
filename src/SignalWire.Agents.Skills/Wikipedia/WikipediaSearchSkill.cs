using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Looks topics up on Wikipedia: tool <c>search_wiki</c> (argument <c>query</c>) searches, then reads the
/// introduction of each article found. No key needed. Parameters: <c>num_results</c> (1–5, default 1),
/// <c>language</c> (default <c>en</c>), <c>max_chars</c> per article (default 2000), <c>no_results_message</c>.
/// </summary>
public sealed class WikipediaSearchSkill : SkillBase
{
    private Uri? _api;

    /// <inheritdoc />
    public override string Name => "wikipedia_search";

    /// <inheritdoc />
    public override string Description => "Look topics up on Wikipedia";

    /// <inheritdoc />
    protected override string DefaultToolName => "search_wiki";

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["num_results"] = SkillSchemas.Integer("How many articles to read (default 1)", 1, 5),
        ["language"] = new JsonObject { ["type"] = "string", ["description"] = "The Wikipedia to search (default en)", ["pattern"] = "^[a-z]{2,3}(-[a-z]{2,8})?$" },
        ["max_chars"] = SkillSchemas.Integer("The most characters read from each article (default 2000)", 200, 20000),
        ["no_results_message"] = SkillSchemas.Text("What the AI is told when nothing matches; {query} is replaced by the query"),
        ["base_url"] = SkillSchemas.Url("The MediaWiki API address (default https://<language>.wikipedia.org/w/api.php), for proxies and tests"),
    });

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        _api = GetUrl("base_url", $"https://{GetString("language") ?? "en"}.wikipedia.org/w/api.php");
        context.DefineTool(ToolName, "Search Wikipedia and read the summary of the articles found", SkillSchemas.OneArgument("query", "The topic to look up"), SearchAsync);
        context.AddHints("Wikipedia");
        context.AddPromptSection("Wikipedia", $"Use {ToolName} for facts about people, places, events and ideas.", [
            "Summarise what it returns in a sentence or two; offer more if the caller wants it.",
        ]);
    }

    private async ValueTask<FunctionResult> SearchAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var query = args.GetString("query")!.Trim();
        var count = GetInt("num_results", 1);
        var http = HttpFor(call);
        try
        {
            var found = await http.GetJsonAsync(Api($"action=query&list=search&format=json&srlimit={count}&srsearch={Uri.EscapeDataString(query)}"), cancellationToken: cancellationToken).ConfigureAwait(false);
            var titles = (found["query"]?["search"] as JsonArray ?? []).OfType<JsonObject>().Select(r => r.GetString("title")).OfType<string>().Take(count).ToList();
            var articles = new List<string>();
            foreach (var title in titles)
            {
                var page = await http.GetJsonAsync(Api($"action=query&prop=extracts&exintro=1&explaintext=1&format=json&redirects=1&titles={Uri.EscapeDataString(title)}"), cancellationToken: cancellationToken).ConfigureAwait(false);
                var extract = (page["query"]?["pages"] as JsonObject)?.Select(p => (p.Value as JsonObject)?.GetString("extract")).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e))?.Trim();
                articles.Add($"{title}: {SkillText.Shorten(extract ?? "(no summary available)", GetInt("max_chars", 2000))}");
            }

            return new FunctionResult(articles.Count == 0
                ? Message("no_results_message", "Wikipedia has no article about '{query}'. Ask the caller to put it another way.", query)
                : string.Join("\n\n", articles));
        }
        catch (SkillHttpException)
        {
            return new FunctionResult("Wikipedia is not answering right now. Offer to try again later.");
        }
    }

    private Uri Api(string query) => new($"{_api!.GetLeftPart(UriPartial.Path)}?{query}");
}
