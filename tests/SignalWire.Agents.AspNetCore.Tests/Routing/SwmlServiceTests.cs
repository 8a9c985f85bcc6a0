using System.Net;
using Microsoft.Extensions.Logging;
using System.Text.Json.Nodes;
using SignalWire.Agents.Swml;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class SwmlServiceTests : IAsyncLifetime
{
    private readonly SwmlService _service = new(AgentTestServer.Options("ivr", "/ivr"));
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _service.Document.Main.Answer().Say("Welcome to Example Bank").Transfer("menu");
        _service.Document.Section("menu").Hangup();
        _service.OnRequest((request, document, ct) =>
        {
            if (request.Query.TryGetValue("lang", out var lang))
            {
                document.Section("menu").Say(lang == "es" ? "Adiós" : "Goodbye");
            }

            return ValueTask.CompletedTask;
        });
        _app = AgentApplication.Create(_service, configure: b => b.Logging.ClearProviders());
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        _client.DefaultRequestHeaders.Authorization = new("Basic", TestCredentials.EncodedPair);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Serves_the_document_behind_basic_auth()
    {
        using var response = await _client.PostJsonAsync("/ivr", new JsonObject { ["call"] = new JsonObject { ["call_id"] = "c-1" } });
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };
        using var refused = await anonymous.PostJsonAsync("/ivr", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadTextAsync();
        Assert.Equal(
            """{"version":"1.0.0","sections":{"main":[{"answer":{}},{"play":{"url":"say:Welcome to Example Bank"}},{"transfer":{"dest":"menu"}}],"menu":[{"hangup":{}}]}}""",
            json);
        SwmlSchema.AssertValid(json);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Each_request_gets_its_own_copy_to_customise()
    {
        var spanish = await _client.GetStringAsync(new Uri("/ivr/?lang=es", UriKind.Relative), TestContext.Current.CancellationToken);
        var english = await _client.GetStringAsync(new Uri("/ivr/?lang=en", UriKind.Relative), TestContext.Current.CancellationToken);
        var plain = await _client.GetStringAsync(new Uri("/ivr/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("say:Adiós", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("Goodbye", spanish, StringComparison.Ordinal);
        Assert.Contains("say:Goodbye", english, StringComparison.Ordinal);
        Assert.DoesNotContain("say:", JsonNode.Parse(plain)!["sections"]!["menu"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(_service.Document.Section("menu").Verbs);
    }

    [Fact]
    public async Task Only_the_document_route_exists_and_bad_bodies_are_refused()
    {
        using var swaig = await _client.PostJsonAsync("/ivr/swaig", new JsonObject { ["function"] = "x" });
        using var malformed = await _client.PostAsync(new Uri("/ivr", UriKind.Relative), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var health = await new HttpClient { BaseAddress = _client.BaseAddress }.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, swaig.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("""{"error":"Malformed JSON"}""", await malformed.ReadTextAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Edits_while_serving_are_seen_by_later_requests()
    {
        _service.Edit(d => d.Main.Hangup(HangupReason.Decline));

        var json = await _client.GetStringAsync(new Uri("/ivr", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.EndsWith("""{"hangup":{"reason":"decline"}}],"menu":[{"hangup":{}}]}}""", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"call":{"call_id":"\ud800"}}""")]
    [InlineData("""{"call_id":"a","call_id":"b"}""")]
    [InlineData("""{"vars":{"x":"\udc00"}}""")]
    public async Task A_hostile_body_is_400_on_a_service_too(string body)
    {
        using var response = await _client.PostAsync("/ivr", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Malformed JSON"}""", await response.ReadTextAsync());
    }
}
