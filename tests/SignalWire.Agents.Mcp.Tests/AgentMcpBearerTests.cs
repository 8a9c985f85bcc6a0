using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Mcp.Tests;

/// <summary>The MCP endpoint behind a bearer token in place of the agent's Basic Auth.</summary>
public sealed class AgentMcpBearerTests : IAsyncLifetime
{
    private const string Token = "mcp-token-4f1c9a7e2b6d8035c1e9f7a2b4d6e8f0";

    private McpTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var agent = new AgentBase(AgentTestServer.Options("mcp-agent"))
            .DefineTool("get_hours", "Opening hours", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("Open 9 to 5.")));
        _host = await McpTestHost.StartAsync(agent, app => app.MapAgentMcp(agent, new AgentMcpOptions { BearerToken = Token }));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_client_with_the_token_lists_and_calls_the_tools()
    {
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = _host.Endpoint,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token },
            }),
            cancellationToken: TestContext.Current.CancellationToken);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var hours = await client.CallToolAsync("get_hours", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["get_hours"], tools.Select(t => t.Name));
        Assert.Equal("Open 9 to 5.", string.Join("", hours.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(b => b.Text)));
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("wrong token of the same length")]
    [InlineData("token without scheme")]
    [InlineData("none")]
    public async Task Any_other_credential_is_refused_with_a_bearer_challenge_and_audited(string scenario)
    {
        using var http = new HttpClient();
        using var request = _host.InitializeRequest();
        switch (scenario)
        {
            case "basic":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", TestCredentials.EncodedPair);
                break;
            case "wrong token of the same length":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token[..^1] + "1");
                break;
            case "token without scheme":
                request.Headers.TryAddWithoutValidation("Authorization", Token);
                break;
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"Unauthorized"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Bearer realm=\"SignalWire Agent\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Message.Contains("auth_failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_tokens_up_to_the_limit_lock_the_client_out_even_with_the_right_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        async Task<HttpResponseMessage> SendAsync(string token)
        {
            using var request = _host.InitializeRequest();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await http.SendAsync(request, ct);
        }

        for (var i = 0; i < AgentSettings.DefaultAuthFailureLimit; i++)
        {
            using var wrong = await SendAsync($"{Token[..^2]}{i:D2}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await SendAsync(Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(int.Parse(right.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("""{"error":"Too many requests"}""", await right.Content.ReadAsStringAsync(ct));
    }

    [Theory]
    [InlineData("short-token")]
    [InlineData("a token with spaces in it that is long enough")]
    public void A_weak_token_stops_the_mapping(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSignalWireAgent(new AgentBase(AgentTestServer.Options("weak")));
        builder.Services.AddSignalWireMcp();
        using var app = builder.Build();
        var agent = app.Services.GetRequiredService<AgentBase>();
        app.MapAgent(agent);

        var error = Assert.Throws<AgentConfigurationException>(() => app.MapAgentMcp(agent, new AgentMcpOptions { BearerToken = token }));

        Assert.Equal("Agent 'weak': the MCP bearer token (SIGNALWIRE_MCP_TOKEN) must be at least 32 characters without spaces.", error.Message);
    }
}
