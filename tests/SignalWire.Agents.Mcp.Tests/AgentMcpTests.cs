using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Mcp.Tests;

/// <summary>An agent's tools over MCP, with the official client, against real Kestrel on loopback.</summary>
public sealed class AgentMcpTests : IAsyncLifetime
{
    private McpTestHost _host = null!;
    private int _refunds;

    public async ValueTask InitializeAsync()
    {
        var agent = new AgentBase(AgentTestServer.Options("mcp-agent"))
            .DefineTool("get_hours", "Opening hours for a day", new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["day"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("monday", "sunday") } },
                ["required"] = new JsonArray("day"),
            }, (args, _, _) => ValueTask.FromResult(new FunctionResult(args["day"]!.GetValue<string>() == "sunday" ? "Closed on Sunday." : "Open 9 to 5.")))
            .DefineTool("transfer_money", "Moves money", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("moved")), secure: true)
            .DefineTool("refund", "Refunds the last order", null, (_, _, _) =>
            {
                Interlocked.Increment(ref _refunds);
                return ValueTask.FromResult(new FunctionResult("Refunded."));
            }, new ToolOptions { RequiresConfirmation = true })
            .DefineTool("lookup", "Looks an order up", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("Found.")),
                new ToolOptions { RateLimit = new ToolRateLimit(2, TimeSpan.FromMinutes(1)) })
            .OnCallEnd((_, _) => ValueTask.CompletedTask);
        _host = await McpTestHost.StartAsync(agent, app => app.MapAgentMcp(agent));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<McpClient> ClientAsync() => await McpClient.CreateAsync(
        new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = _host.Endpoint,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Basic " + TestCredentials.EncodedPair },
        }),
        cancellationToken: TestContext.Current.CancellationToken);

    private string LogText() => string.Join("\n", _host.Logs.GetSnapshot().Select(r => $"{r.Category} {r.Message}"));

    [Fact]
    public async Task Only_tools_without_call_bound_protection_are_offered_with_their_schemas()
    {
        await using var client = await ClientAsync();

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["get_hours", "lookup", "refund"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("""{"type":"object","properties":{"day":{"type":"string","enum":["monday","sunday"]}},"required":["day"]}""", tools.Single(t => t.Name == "get_hours").JsonSchema.GetRawText());
    }

    [Fact]
    public async Task A_call_runs_through_the_agents_pipeline_validation_confirmation_and_audit_included()
    {
        await using var client = await ClientAsync();
        var ct = TestContext.Current.CancellationToken;

        var hours = await client.CallToolAsync("get_hours", new Dictionary<string, object?> { ["day"] = "sunday" }, cancellationToken: ct);
        var invalid = await client.CallToolAsync("get_hours", new Dictionary<string, object?> { ["day"] = "someday" }, cancellationToken: ct);
        var unconfirmed = await client.CallToolAsync("refund", new Dictionary<string, object?>(), cancellationToken: ct);
        var secure = await client.CallToolAsync("transfer_money", new Dictionary<string, object?>(), cancellationToken: ct);

        Assert.Equal(("Closed on Sunday.", false), (Text(hours), hours.IsError ?? false));
        Assert.True(invalid.IsError);
        Assert.StartsWith("The arguments for get_hours are invalid: day must be one of", Text(invalid), StringComparison.Ordinal);
        Assert.Equal(0, _refunds);
        Assert.Equal(("There is no tool 'transfer_money' here.", true), (Text(secure), secure.IsError));
        Assert.False(string.IsNullOrEmpty(client.SessionId));
        Assert.Contains($"function_call agent=mcp-agent function=get_hours call_id=mcp-client-127.0.0.1 ", LogText(), StringComparison.Ordinal);
        Assert.Equal(("You're about to refunds the last order. Please say 'confirm' to proceed.", false), (Text(unconfirmed), unconfirmed.IsError ?? false));
        var confirmed = await client.CallToolAsync("refund", new Dictionary<string, object?> { ["confirmed"] = true }, cancellationToken: ct);
        Assert.Equal(("Refunded.", 1), (Text(confirmed), _refunds));
    }

    [Fact]
    public async Task Every_session_of_one_client_is_one_pseudo_call_so_a_new_session_resets_no_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await ClientAsync();
        await using var second = await ClientAsync();

        var calls = new List<CallToolResult>
        {
            await first.CallToolAsync("lookup", cancellationToken: ct),
            await first.CallToolAsync("lookup", cancellationToken: ct),
            await second.CallToolAsync("lookup", cancellationToken: ct),
        };
        await using var third = await ClientAsync();
        calls.Add(await third.CallToolAsync("lookup", cancellationToken: ct));

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal([false, false, true, true], calls.Select(c => c.IsError == true));
        Assert.Equal("You've made too many requests. Please wait a moment.", Text(calls[2]));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(LogText(), "function_call agent=mcp-agent function=lookup call_id=mcp-client-127\\.0\\.0\\.1 "));
    }

    [Fact]
    public async Task Without_the_agents_credentials_the_endpoint_answers_401_as_JSON_and_audits_it()
    {
        using var http = new HttpClient();
        using var request = _host.InitializeRequest();
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("agent-user:wrong")));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"Unauthorized"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("auth_failed", LogText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Admission_comes_before_any_check_of_the_body_whatever_its_content_type(string? contentType)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        HttpRequestMessage Request(bool authenticated)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, _host.Endpoint) { Content = new ByteArrayContent("{}"u8.ToArray()) };
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            if (authenticated)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", TestCredentials.EncodedPair);
            }

            return request;
        }

        using var anonymous = await http.SendAsync(Request(authenticated: false), ct);
        using var admitted = await http.SendAsync(Request(authenticated: true), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("""{"error":"Unauthorized"}""", await anonymous.Content.ReadAsStringAsync(ct));
        Assert.InRange((int)admitted.StatusCode, 400, 499);
    }

    [Fact]
    public async Task An_agent_that_is_not_mapped_cannot_be_served_over_MCP()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSignalWireMcp();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapAgentMcp(new AgentBase(AgentTestServer.Options("lonely"))));

        Assert.Equal("Agent 'lonely' is not mapped on this application; call MapAgent first.", error.Message);
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
