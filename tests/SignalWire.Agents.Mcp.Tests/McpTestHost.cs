using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Mcp.Tests;

/// <summary>An agent's application on real Kestrel (127.0.0.1) with the MCP server registered and every log record captured.</summary>
internal sealed class McpTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private McpTestHost(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
        Logs = app.Services.GetRequiredService<FakeLogCollector>();
    }

    /// <summary>The MCP endpoint's address.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every log record written.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Starts <paramref name="agent"/>'s application; <paramref name="mapMcp"/> maps its MCP endpoint at <c>/mcp</c>.</summary>
    public static async Task<McpTestHost> StartAsync(AgentBase agent, Action<WebApplication> mapMcp)
    {
        var app = AgentApplication.Create(agent, configure: builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFakeLogging();
            builder.Services.AddSignalWireMcp();
        });
        mapMcp(app);
        await app.StartAsync();
        return new McpTestHost(app, new Uri(app.Urls.Single().TrimEnd('/') + "/mcp"));
    }

    /// <summary>A raw MCP <c>initialize</c> request, for checking what the guard answers before any session exists.</summary>
    public HttpRequestMessage InitializeRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
