using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.Skills.Tests.Network;

/// <summary>wikipedia_search, datasphere, datasphere_serverless and native_vector_search against fake services on loopback.</summary>
public sealed class KnowledgeSkillTests : IAsyncLifetime
{
    private const string Token = "PTtesttoken0123456789";
    private FakeWebServer _api = null!;
    private string _chunks = """{"chunks":[{"text":"Refunds are paid within 30 days."},{"content":"Keep your receipt."}]}""";

    public async ValueTask InitializeAsync()
    {
        _api = await FakeWebServer.StartAsync(app =>
        {
            app.MapGet("/w/api.php", (HttpRequest request) => request.Query["list"] == "search"
                ? Results.Text(request.Query["srsearch"] == "Ada Lovelace" ? """{"query":{"search":[{"title":"Ada Lovelace"},{"title":"Analytical Engine"}]}}""" : """{"query":{"search":[]}}""", "application/json")
                : Results.Text($$$$$"""{"query":{"pages":{"1":{"extract":"{{{{{request.Query["titles"]}}}}} was written about in 1843. "}}}}""", "application/json"));
            app.MapGet("/broken/api.php", () => Results.StatusCode(502));
            app.MapPost("/api/datasphere/documents/search", () => Results.Text(_chunks, "application/json"));
            app.MapPost("/search", () => Results.Text("""{"results":[{"content":"Open 9 to 5.","score":0.91,"metadata":{"filename":"hours.md","section":"Weekdays"}},{"content":"Closed on Sundays.","score":0.5,"metadata":{"filename":"hours.md"}}]}""", "application/json"));
        });
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private static AgentBase Agent() => SkillTest.Agent().UseSkillHttp(SkillHttp.Create());

    [Fact]
    public async Task Wikipedia_searches_then_reads_each_articles_introduction()
    {
        await using var served = await ServedAgent.StartAsync(Agent().AddSkill("wikipedia_search", new JsonObject { ["num_results"] = 2, ["base_url"] = _api.Url("w/api.php").ToString() }));

        Assert.Equal("Ada Lovelace: Ada Lovelace was written about in 1843.\n\nAnalytical Engine: Analytical Engine was written about in 1843.", await served.CallAsync("search_wiki", new() { ["query"] = " Ada Lovelace " }));
        Assert.Equal("Wikipedia has no article about 'quux'. Ask the caller to put it another way.", await served.CallAsync("search_wiki", new() { ["query"] = "quux" }));

        var search = _api.Requests[0];
        Assert.Equal(("search", "Ada Lovelace", "2", "json"), (search.QueryValue("list"), search.QueryValue("srsearch"), search.QueryValue("srlimit"), search.QueryValue("format")));
        Assert.Equal(("extracts", "Ada Lovelace", "1"), (_api.Requests[1].QueryValue("prop"), _api.Requests[1].QueryValue("titles"), _api.Requests[1].QueryValue("explaintext")));
    }

    [Fact]
    public async Task Wikipedia_failing_is_told_to_the_AI_not_thrown()
    {
        await using var served = await ServedAgent.StartAsync(Agent().AddSkill("wikipedia_search", new JsonObject { ["base_url"] = _api.Url("broken/api.php").ToString() }));

        Assert.Equal("Wikipedia is not answering right now. Offer to try again later.", await served.CallAsync("search_wiki", new() { ["query"] = "anything" }));
    }

    [Fact]
    public async Task DataSphere_posts_the_search_with_the_project_credentials_and_reads_the_chunks()
    {
        var parameters = new JsonObject
        {
            ["project_id"] = "proj-1", ["token"] = Token, ["document_id"] = "doc-9", ["count"] = 2, ["tags"] = new JsonArray("faq"),
            ["base_url"] = _api.BaseAddress.ToString(),
        };
        await using var served = await ServedAgent.StartAsync(Agent().AddSkill("datasphere", parameters));

        Assert.Equal("2 passage(s) for 'refund policy':\n\n[1] Refunds are paid within 30 days.\n\n[2] Keep your receipt.", await served.CallAsync("search_knowledge", new() { ["query"] = "refund policy" }));

        var request = Assert.Single(_api.Requests);
        Assert.Equal("""{"document_id":"doc-9","query_string":"refund policy","distance":3,"count":2,"tags":["faq"]}""", request.Body);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("proj-1:" + Token)), request.Header("Authorization"));
        Assert.DoesNotContain(Token, served.Server.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataSphere_with_no_chunks_or_a_broken_answer_says_so()
    {
        var parameters = new JsonObject { ["project_id"] = "p", ["token"] = Token, ["document_id"] = "d", ["base_url"] = _api.BaseAddress.ToString(), ["no_results_message"] = "Nothing on {query}." };
        await using var served = await ServedAgent.StartAsync(Agent().AddSkill("datasphere", parameters));

        _chunks = """{"chunks":[]}""";
        Assert.Equal("Nothing on returns.", await served.CallAsync("search_knowledge", new() { ["query"] = "returns" }));
        _chunks = "<html>gateway error</html>";
        Assert.Equal("The knowledge base is not available right now. Offer to try again later.", await served.CallAsync("search_knowledge", new() { ["query"] = "returns" }));
    }

    [Fact]
    public async Task DataSphere_serverless_renders_a_data_map_the_platform_runs()
    {
        var parameters = new JsonObject { ["space_name"] = "example", ["project_id"] = "proj-1", ["token"] = Token, ["document_id"] = "doc-9", ["count"] = 2, ["skip_prompt"] = true };
        var tool = await SkillTest.ToolOfAsync(SkillTest.Agent().AddSkill("datasphere_serverless", parameters), "search_knowledge");

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("proj-1:" + Token));
        Assert.Equal(
            $$$$"""{"function":"search_knowledge","description":"Search the knowledge base and return the passages that answer the query","parameters":{"type":"object","properties":{"query":{"type":"string","description":"What to look for, in the caller's words"}},"required":["query"]},"data_map":{"webhooks":[{"url":"https://example.signalwire.com/api/datasphere/documents/search","method":"POST","headers":{"Content-Type":"application/json","Authorization":"{{{{basic}}}}"},"params":{"document_id":"doc-9","query_string":"${args.query}","distance":3,"count":2},"foreach":{"input_key":"chunks","output_key":"passages","append":"- ${this.text}\n","max":2},"output":{"response":"Passages for \"${args.query}\":\n${passages}"},"error_keys":["error"]}],"output":{"response":"I found nothing in the knowledge base for '${args.query}'. Ask the caller to put it another way."}}}""",
            tool.ToWireJson());
    }

    [Fact]
    public async Task Vector_search_asks_the_search_server_with_the_credentials_from_its_url()
    {
        var remote = new UriBuilder(_api.BaseAddress) { UserName = "reader", Password = "s3cret" }.Uri.ToString();
        await using var served = await ServedAgent.StartAsync(Agent().AddSkill("native_vector_search", new JsonObject { ["remote_url"] = remote, ["index_name"] = "docs", ["tags"] = new JsonArray("hours") }));

        Assert.Equal("2 result(s) for 'opening hours':\n\n[1] hours.md, Weekdays (score 0.91)\nOpen 9 to 5.\n\n[2] hours.md (score 0.50)\nClosed on Sundays.",
            await served.CallAsync("search_knowledge", new() { ["query"] = "opening hours", ["count"] = 2 }));

        var request = Assert.Single(_api.Requests);
        Assert.Equal("""{"query":"opening hours","index_name":"docs","count":2,"similarity_threshold":0,"tags":["hours"]}""", request.Body);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("reader:s3cret")), request.Header("Authorization"));
    }

    [Fact]
    public async Task Vector_search_over_a_local_folder_ranks_passages_by_keywords()
    {
        var folder = Directory.CreateTempSubdirectory("vector-search-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "policies.md"), "# Opening hours\nWe are open 9 to 5 on weekdays.\n\n# Returns\nReturns are accepted within 30 days with a receipt.\nRefunds go back to the card used.\n");
            Directory.CreateDirectory(Path.Combine(folder, "more"));
            File.WriteAllText(Path.Combine(folder, "more", "faq.txt"), "Parking is free behind the store.\n\nThe store accepts returns of gift cards only unopened.");
            File.WriteAllText(Path.Combine(folder, "ignored.csv"), "returns,returns,returns");
            await using var served = await ServedAgent.StartAsync(SkillTest.Agent().AddSkill("native_vector_search", new JsonObject { ["source_dir"] = folder, ["count"] = 2 }));

            var answer = await served.CallAsync("search_knowledge", new() { ["query"] = "Returning an item with a receipt?" });
            Assert.StartsWith("2 result(s) for 'Returning an item with a receipt?':\n\n[1] policies.md, Returns (score ", answer, StringComparison.Ordinal);
            Assert.Contains(")\nReturns are accepted within 30 days with a receipt. Refunds go back to the card used.\n\n[2] more/faq.txt (score ", answer, StringComparison.Ordinal);
            Assert.EndsWith(")\nThe store accepts returns of gift cards only unopened.", answer, StringComparison.Ordinal);
            Assert.Equal("I found nothing in the documents for 'zebra'. Ask the caller to put it another way.", await served.CallAsync("search_knowledge", new() { ["query"] = "zebra" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Vector_search_needs_a_backend()
    {
        Assert.Equal("Skill 'native_vector_search': give remote_url (a search server), document_id (DataSphere) or source_dir (a local folder).",
            Assert.Throws<AgentConfigurationException>(() => SkillTest.Agent().AddSkill("native_vector_search")).Message);
    }
}
