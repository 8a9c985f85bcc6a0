using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.Skills.Tests.Network;

/// <summary>web_search and spider against a fake search API and fake pages on loopback, with and without the SSRF guard's exception for it.</summary>
public sealed class WebSkillTests : IAsyncLifetime
{
    private const string Key = "AIzaTESTKEY0000";
    private static readonly string LongText = string.Join(' ', Enumerable.Repeat("Lighthouses guide ships along dangerous coasts.", 8));
    private FakeWebServer _web = null!;

    public async ValueTask InitializeAsync()
    {
        _web = await FakeWebServer.StartAsync(app =>
        {
            app.MapGet("/customsearch/v1", (HttpRequest request) => Results.Text($$"""
                {"items":[
                  {"title":"Lighthouses","link":"{{Url("good")}}","snippet":"All about   lighthouses."},
                  {"title":"Stub","link":"{{Url("stub")}}","snippet":"A stub page."},
                  {"title":"Image","link":"{{Url("image")}}","snippet":"A picture."}
                ]}
                """, "application/json"));
            app.MapGet("/good", () => Results.Text($"<html><head><script>var secret=1;</script></head><body><nav>Menu Home About</nav><main><h1>Lighthouses</h1><p>{LongText}</p></main><footer>Copyright</footer></body></html>", "text/html"));
            app.MapGet("/slow", async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), ct);
                return Results.Text("<p>late</p>", "text/html");
            });
            app.MapGet("/huge", () => Results.Text("<p>" + new string('z', 3 * 1024 * 1024) + "</p>", "text/html"));
            app.MapGet("/slow-search", () => Results.Text($$"""{"items":[{"title":"Slow","link":"{{Url("slow")}}","snippet":"Slow page."},{"title":"Lighthouses","link":"{{Url("good")}}","snippet":"All about lighthouses."}]}""", "application/json"));
            app.MapGet("/stub", () => Results.Text("<html><body><p>Too short.</p></body></html>", "text/html"));
            app.MapGet("/image", () => Results.Bytes([1, 2, 3], "image/png"));
            app.MapGet("/site", () => Results.Text($"""<html><body><h1>Home</h1><p>Welcome.</p><a href="/site/a">A</a> <a href="{Url("site/b")}#top">B</a> <a href="https://example.invalid/x">Away</a><pre>code()</pre></body></html>""", "text/html"));
            app.MapGet("/site/a", () => Results.Text("""<html><body><p>Page A.</p><a href="/site/c">C</a></body></html>""", "text/html"));
            app.MapGet("/site/b", () => Results.Text("<html><body><p>Page B.</p></body></html>", "text/html"));
            app.MapGet("/site/c", () => Results.Text("<html><body><p>Page C.</p></body></html>", "text/html"));
            app.MapGet("/product", () => Results.Text("""<html><head><title> Blue Kettle </title></head><body><h1>Blue Kettle</h1><span class="price">$20</span><span class="price">$18</span></body></html>""", "text/html"));
        });
    }

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();

    private string Url(string path) => _web.Url(path).ToString();

    private static SkillHttp LoopbackAllowed() => SkillHttp.Create(new SkillHttpOptions { AllowedNetworks = { "127.0.0.1" } });

    private JsonObject SearchParameters(JsonObject? extra = null)
    {
        var parameters = new JsonObject { ["api_key"] = Key, ["search_engine_id"] = "cx-1", ["num_results"] = 1, ["base_url"] = Url("customsearch/v1") };
        foreach (var (key, value) in extra ?? [])
        {
            parameters[key] = value?.DeepClone();
        }

        return parameters;
    }

    [Fact]
    public async Task Web_search_reads_the_first_page_with_enough_text_and_skips_the_rest()
    {
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(LoopbackAllowed()).AddSkill("web_search", SearchParameters(new() { ["response_prefix"] = "From the web:" })));

        var answer = await served.CallAsync("web_search", new() { ["query"] = "lighthouses" });

        Assert.Equal($"From the web:\n\nWeb results for 'lighthouses':\n\nLighthouses (127.0.0.1): Lighthouses {LongText}", answer);
        var search = Assert.Single(_web.RequestsTo("/customsearch/v1"));
        Assert.Equal((Key, "cx-1", "lighthouses", "2"), (search.QueryValue("key"), search.QueryValue("cx"), search.QueryValue("q"), search.QueryValue("num")));
        Assert.DoesNotContain(Key, served.Server.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_search_results_on_private_addresses_are_not_fetched_and_the_snippets_are_used()
    {
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkill("web_search", SearchParameters(new() { ["num_results"] = 2 })));

        var answer = await served.CallAsync("web_search", new() { ["query"] = "lighthouses" });

        Assert.Equal("Web results for 'lighthouses':\n\nLighthouses (127.0.0.1): All about lighthouses.\n\nStub (127.0.0.1): A stub page.", answer);
        Assert.Empty(_web.RequestsTo("/good"));
        Assert.Empty(_web.RequestsTo("/stub"));
    }

    [Fact]
    public async Task Web_search_snippets_only_reads_no_page()
    {
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(LoopbackAllowed()).AddSkill("web_search", SearchParameters(new() { ["snippets_only"] = true })));

        Assert.Equal("Web results for 'lighthouses':\n\nLighthouses (127.0.0.1): All about lighthouses.", await served.CallAsync("web_search", new() { ["query"] = "lighthouses" }));
        Assert.Single(_web.Requests);
    }

    [Fact]
    public async Task Web_search_gives_up_on_a_page_that_does_not_answer_in_time()
    {
        var parameters = SearchParameters(new() { ["base_url"] = Url("slow-search"), ["per_page_timeout"] = 0.5 });
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(LoopbackAllowed()).AddSkill("web_search", parameters));
        var started = TimeProvider.System.GetTimestamp();

        var answer = await served.CallAsync("web_search", new() { ["query"] = "lighthouses" });

        Assert.Equal($"Web results for 'lighthouses':\n\nLighthouses (127.0.0.1): Lighthouses {LongText}", answer);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Spider_refuses_a_page_over_the_size_cap()
    {
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(LoopbackAllowed()).AddSkill("spider"));

        Assert.Equal("That page on 127.0.0.1 is too large to read.", await served.CallAsync("scrape_url", new() { ["url"] = Url("huge") }));
    }

    [Fact]
    public async Task Spider_scrapes_the_readable_text_of_a_page()
    {
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(LoopbackAllowed()).AddSkill("spider"));

        Assert.Equal($"Text of 127.0.0.1/good:\nLighthouses {LongText}", await served.CallAsync("scrape_url", new() { ["url"] = Url("good") }));
        Assert.Equal("That is not a web address I can read. Ask for one that starts with http or https.", await served.CallAsync("scrape_url", new() { ["url"] = "file:///etc/passwd" }));
    }

    [Fact]
    public async Task Spider_refuses_private_addresses_unless_allowed()
    {
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(SkillHttp.Create()).AddSkill("spider"));

        Assert.Equal("127.0.0.1 is not a public web site, so I cannot read it.", await served.CallAsync("scrape_url", new() { ["url"] = Url("good") }));
        Assert.Equal("169.254.169.254 is not a public web site, so I cannot read it.", await served.CallAsync("scrape_url", new() { ["url"] = "http://169.254.169.254/latest/meta-data/iam" }));
        Assert.Empty(_web.Requests);
    }

    [Fact]
    public async Task Spider_crawls_breadth_first_on_the_same_host_within_its_limits()
    {
        var parameters = new JsonObject { ["max_pages"] = 3, ["max_depth"] = 1, ["delay"] = 0, ["extract_type"] = "markdown", ["tool_name"] = "docs" };
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(LoopbackAllowed()).AddSkill("spider", parameters));

        var answer = await served.CallAsync("docs_crawl_site", new() { ["start_url"] = Url("site") });

        Assert.Equal("Read 3 page(s) of 127.0.0.1:\n\n== /site ==\n# Home\n\nWelcome.\n\n```\ncode()\n```\n\n== /site/a ==\nPage A.\n\n== /site/b ==\nPage B.", answer);
        Assert.Equal(["/site", "/site/a", "/site/b"], _web.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Spider_extracts_the_configured_fields()
    {
        var parameters = new JsonObject { ["selectors"] = new JsonObject { ["name"] = "h1", ["prices"] = ".price", ["missing"] = "#nothing" } };
        await using var served = await ServedAgent.StartAsync(SkillTest.Agent().UseSkillHttp(LoopbackAllowed()).AddSkill("spider", parameters));

        Assert.Equal($$$"""{"url":"{{{Url("product")}}}","title":"Blue Kettle","data":{"name":"Blue Kettle","prices":["$20","$18"],"missing":null}}""",
            await served.CallAsync("extract_structured_data", new() { ["url"] = Url("product") }));
    }

    [Theory]
    [InlineData("selectors", """{"a":"//div[@id='x']"}""", "Skill 'spider': the selector for 'a' is not a valid CSS selector (XPath is not supported).")]
    [InlineData("follow_patterns", """["(unclosed"]""", "Skill 'spider': follow pattern '(unclosed' is not a valid regular expression.")]
    public void Spider_configuration_errors_are_named(string parameter, string value, string expected)
    {
        Assert.Equal(expected, Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("spider", new JsonObject { [parameter] = JsonNode.Parse(value) })).Message);
    }
}
