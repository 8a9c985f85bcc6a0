using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Reads web pages for the AI: tools <c>scrape_url</c> (one page), <c>crawl_site</c> (pages linked from a start page
/// on the same host, breadth first) and <c>extract_structured_data</c> (values picked by configured CSS selectors).
/// Every address (redirects included) goes through the SSRF guard. With <c>tool_name</c> set, the tools are named
/// <c>&lt;tool_name&gt;_scrape_url</c> and so on, so several instances can share an agent.
/// </summary>
public sealed class SpiderSkill : SkillBase
{
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Queue<string> _cacheOrder = new();
    private IReadOnlyList<Regex> _follow = [];

    /// <inheritdoc />
    public override string Name => "spider";

    /// <inheritdoc />
    public override string Description => "Read web pages: one page, a small crawl, or values picked by CSS selectors";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => SkillSchemas.Object(new JsonObject
    {
        ["extract_type"] = new JsonObject { ["type"] = "string", ["description"] = "How pages are read: fast_text (default), markdown or structured", ["enum"] = new JsonArray("fast_text", "markdown", "structured") },
        ["max_text_length"] = SkillSchemas.Integer("The most characters returned per page (default 3000)", 100, 100000),
        ["max_pages"] = SkillSchemas.Integer("Pages a crawl reads at most (default 1)", 1, 50),
        ["max_depth"] = SkillSchemas.Integer("Links a crawl follows away from its start page (default 0)", 0, 5),
        ["delay"] = SkillSchemas.Number("Seconds between a crawl's requests (default 0.1)", 0, 5),
        ["timeout"] = SkillSchemas.Number("Seconds to wait for one page (default 5)", 0.5, 30),
        ["follow_patterns"] = SkillSchemas.Strings("Regular expressions; a crawl follows only links matching one (default all on the host)"),
        ["selectors"] = SkillSchemas.StringMap("Field name to CSS selector, for extract_structured_data and extract_type structured"),
        ["headers"] = SkillSchemas.StringMap("Extra request headers"),
        ["cache_enabled"] = SkillSchemas.Flag("Keep the text of the last 100 pages read (default true)"),
    });

    private string Prefix => GetString("tool_name") is { } name ? name + "_" : string.Empty;

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        _follow = [.. (GetNode("follow_patterns") as JsonArray ?? []).Select(p => Compile(p!.GetValue<string>()))];
        foreach (var (field, selector) in GetNode("selectors") as JsonObject ?? [])
        {
            if (!HtmlText.IsValidSelector(selector!.GetValue<string>()))
            {
                throw new AgentConfigurationException($"Skill '{Name}': the selector for '{field}' is not a valid CSS selector (XPath is not supported).");
            }
        }

        var url = SkillSchemas.OneArgument("url", "The page's address (http or https)", 2000);
        context.DefineTool(Prefix + "scrape_url", "Read the text of one web page", url, (args, call, ct) => ScrapeAsync(args.GetString("url")!, call, ct));
        context.DefineTool(Prefix + "crawl_site", "Read a web page and the pages it links to on the same site", SkillSchemas.OneArgument("start_url", "The first page's address", 2000), CrawlAsync);
        context.DefineTool(Prefix + "extract_structured_data", "Read the configured fields from a web page", (JsonObject)url.DeepClone(), (args, call, ct) => StructuredAsync(args.GetString("url")!, call, ct));
        context.AddPromptSection("Web Pages", "You can read web pages the caller names.", [
            $"Use {Prefix}scrape_url for one page and {Prefix}crawl_site to read a few pages of a site.",
            "Summarise what you read; never read out raw page text at length.",
        ]);
    }

    private async ValueTask<FunctionResult> ScrapeAsync(string address, ToolCallContext call, CancellationToken cancellationToken)
    {
        if (!TryAddress(address, out var url))
        {
            return new FunctionResult("That is not a web address I can read. Ask for one that starts with http or https.");
        }

        if (GetString("extract_type") == "structured")
        {
            return await StructuredAsync(address, call, cancellationToken).ConfigureAwait(false);
        }

        var page = await FetchAsync(HttpFor(call), url, cancellationToken).ConfigureAwait(false);
        return new FunctionResult(page.Text is null ? Unreadable(url, page.Failure) : $"Text of {url.Host}{url.AbsolutePath}:\n{page.Text}");
    }

    private async ValueTask<FunctionResult> CrawlAsync(JsonObject args, ToolCallContext call, CancellationToken cancellationToken)
    {
        if (!TryAddress(args.GetString("start_url")!, out var start))
        {
            return new FunctionResult("That is not a web address I can read. Ask for one that starts with http or https.");
        }

        var http = HttpFor(call);
        var (maxPages, maxDepth) = (GetInt("max_pages", 1), GetInt("max_depth", 0));
        var delay = TimeSpan.FromSeconds(GetNumber("delay", 0.1));
        var queue = new Queue<(Uri Url, int Depth)>([(start, 0)]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.AbsoluteUri };
        var text = new StringBuilder();
        var read = 0;
        while (queue.Count > 0 && read < maxPages)
        {
            var (url, depth) = queue.Dequeue();
            if (read > 0 && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            var page = await FetchAsync(http, url, cancellationToken, keepLinks: depth < maxDepth).ConfigureAwait(false);
            if (page.Text is null)
            {
                continue;
            }

            read++;
            text.Append("\n\n== ").Append(url.AbsolutePath).Append(" ==\n").Append(page.Text);
            foreach (var link in page.Links.Where(l => l.Host == start.Host && Follows(l) && seen.Add(l.AbsoluteUri)))
            {
                queue.Enqueue((link, depth + 1));
            }
        }

        return new FunctionResult(read == 0 ? Unreadable(start, null) : $"Read {read} page(s) of {start.Host}:{text}");
    }

    private async ValueTask<FunctionResult> StructuredAsync(string address, ToolCallContext call, CancellationToken cancellationToken)
    {
        if (!TryAddress(address, out var url))
        {
            return new FunctionResult("That is not a web address I can read. Ask for one that starts with http or https.");
        }

        using var request = Request(url);
        try
        {
            var response = await HttpFor(call).SendAsync(request, SkillHttpTarget.Untrusted, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is < 200 or > 299)
            {
                return new FunctionResult(Unreadable(url, null));
            }

            var document = HtmlText.Parse(response.Text());
            var data = new JsonObject();
            foreach (var (field, selector) in GetNode("selectors") as JsonObject ?? [])
            {
                var values = HtmlText.Select(document, selector!.GetValue<string>());
                data[field] = values.Count switch
                {
                    0 => null,
                    1 => values[0],
                    _ => new JsonArray([.. values.Select(v => (JsonNode)v)]),
                };
            }

            var result = new JsonObject { ["url"] = url.AbsoluteUri, ["title"] = HtmlText.Collapse(document.Title ?? string.Empty), ["data"] = data };
            return new FunctionResult(SkillText.Shorten(result.ToJsonString(), GetInt("max_text_length", 3000)));
        }
        catch (SkillHttpException ex)
        {
            return new FunctionResult(Unreadable(url, ex.Failure));
        }
    }

    private async Task<(string? Text, IReadOnlyList<Uri> Links, SkillHttpFailure? Failure)> FetchAsync(SkillHttp http, Uri url, CancellationToken cancellationToken, bool keepLinks = false)
    {
        if (!keepLinks && GetBool("cache_enabled", true) && Cached(url) is { } cached)
        {
            return (cached, [], null);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(GetNumber("timeout", 5)));
        using var request = Request(url);
        try
        {
            var response = await http.SendAsync(request, SkillHttpTarget.Untrusted, limit.Token).ConfigureAwait(false);
            if ((int)response.StatusCode is < 200 or > 299 || response.MediaType is not (null or "text/html" or "application/xhtml+xml" or "text/plain"))
            {
                return (null, [], SkillHttpFailure.Status);
            }

            var document = HtmlText.Parse(response.Text());
            var links = keepLinks ? HtmlText.Links(document, response.FinalUri) : [];
            var text = GetString("extract_type") == "markdown" ? HtmlText.Markdown(document) : HtmlText.MainText(document);
            text = SkillText.Shorten(text, GetInt("max_text_length", 3000));
            Remember(url, text);
            return (text, links, null);
        }
        catch (SkillHttpException ex)
        {
            return (null, [], ex.Failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, [], SkillHttpFailure.Timeout);
        }
    }

    private HttpRequestMessage Request(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in GetNode("headers") as JsonObject ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
        }

        return request;
    }

    private bool Follows(Uri link) => _follow.Count == 0 || _follow.Any(p => SafeMatch(p, link.AbsoluteUri));

    private static bool SafeMatch(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
        catch (ArgumentException)
        {
            throw new AgentConfigurationException($"Skill '{Name}': follow pattern '{pattern}' is not a valid regular expression.");
        }
    }

    private static bool TryAddress(string text, out Uri url) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    private static string Unreadable(Uri url, SkillHttpFailure? failure) => failure switch
    {
        SkillHttpFailure.Refused => $"{url.Host} is not a public web site, so I cannot read it.",
        SkillHttpFailure.Timeout => $"{url.Host} took too long to answer.",
        SkillHttpFailure.TooLarge => $"That page on {url.Host} is too large to read.",
        _ => $"I could not read that page on {url.Host}.",
    };

    private string? Cached(Uri url)
    {
        lock (_cache)
        {
            return _cache.GetValueOrDefault(url.AbsoluteUri);
        }
    }

    private void Remember(Uri url, string text)
    {
        if (!GetBool("cache_enabled", true))
        {
            return;
        }

        lock (_cache)
        {
            if (_cache.TryAdd(url.AbsoluteUri, text))
            {
                _cacheOrder.Enqueue(url.AbsoluteUri);
                if (_cacheOrder.Count > 100)
                {
                    _cache.Remove(_cacheOrder.Dequeue());
                }
            }
        }
    }
}
