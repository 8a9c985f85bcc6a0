using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class DebugEventsEndpointTests : ServedAgentTest<AgentBase>
{
    private readonly ConcurrentQueue<DebugEvent> _events = new();

    public DebugEventsEndpointTests()
        : base(new AgentBase(AgentTestServer.Options()).EnableDebugEvents(1))
    {
        Agent.OnDebugEvent((debugEvent, ct) =>
        {
            if (debugEvent.EventType == "explode")
            {
                throw new InvalidOperationException("handler bug with secret-ish detail");
            }

            _events.Enqueue(debugEvent);
            return ValueTask.CompletedTask;
        });
    }

    [Fact]
    public async Task The_debug_url_in_the_swml_delivers_events_to_the_handler()
    {
        var url = (await Client.FetchSwmlAsync("call-1")).Ai()["params"]!["debug_webhook_url"]!.GetValue<string>();
        Assert.Equal(Server.BaseAddress + "debug_events/", new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri.ToString());

        using var response = await Client.PostJsonAsync(HttpTestExtensions.PathAndQuery(url), new JsonObject { ["label"] = "barge", ["call_id"] = "call-1", ["barge_elapsed_ms"] = 420 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.ReadTextAsync());
        var received = Assert.Single(_events);
        Assert.Equal(("barge", "call-1", 420), (received.EventType, received.CallId, received.Body["barge_elapsed_ms"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Events_without_a_label_use_the_action_or_unknown()
    {
        using var action = await Client.PostJsonAsync("/debug_events", new JsonObject { ["action"] = "session_end" });
        using var none = await Client.PostJsonAsync("/debug_events", new JsonObject { ["x"] = 1 });

        Assert.Equal(HttpStatusCode.OK, action.StatusCode);
        Assert.Equal(["session_end", "unknown"], _events.Select(e => e.EventType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Events_need_credentials_and_a_json_object()
    {
        using var anonymous = Server.CreateClient(authenticated: false);
        using var unauthenticated = await anonymous.PostJsonAsync("/debug_events", new JsonObject { ["label"] = "x" });
        using var notObject = await Client.PostJsonAsync("/debug_events", new JsonArray(1, 2));
        using var get = await Client.GetAsync(new Uri("/debug_events", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Empty(_events);
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_answered_normally()
    {
        using var response = await Client.PostJsonAsync("/debug_events", new JsonObject { ["label"] = "explode", ["call_id"] = "call-7" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("secret-ish", await response.ReadTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Server.Logs.GetSnapshot(), r => r.Id.Id == 1021 && r.Message.Contains("call-7", StringComparison.Ordinal));
    }
}
