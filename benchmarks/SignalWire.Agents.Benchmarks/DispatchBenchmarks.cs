using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using SecureAgentExample;
using SignalWire.Agents.AspNetCore;

namespace SignalWire.Agents.Benchmarks;

/// <summary>
/// A whole SWAIG call through the agent's real ASP.NET Core pipeline, in process (TestServer: no sockets):
/// Basic Auth, body limits, token, validation, rate limit, handler, audit, JSON response.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private WebApplication _app = null!;
    private TestServer _server = null!;
    private string _authorization = null!;
    private string _secureQuery = null!;
    private int _caller;

    [GlobalSetup]
    public void Setup()
    {
        var agent = new SecureAgent(new AgentOptions
        {
            Name = "secure-agent",
            BasicAuthUser = "signalwire",
            BasicAuthPassword = "benchmark-password-0123456789abcdef",
            SwaigSecret = "benchmark-secret",
            TokenLifetime = TimeSpan.FromDays(1),
        });
        _app = AgentApplication.Create(agent, configure: builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        _server = _app.GetTestServer();
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("signalwire:benchmark-password-0123456789abcdef"));
        _secureQuery = "?__token=" + agent.Settings.Tokens.Mint("transfer_funds", "call-1");
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<int> RegularTool() => CallAsync(string.Empty,
        $$$"""{"function":"get_balance","call_id":"call-1","caller_id_num":"+1555{{{NextCaller()}}}","argument":{"parsed":[{"account_type":"savings"}]}}""");

    [Benchmark]
    public Task<int> SecureTool() => CallAsync(_secureQuery,
        $$$"""{"function":"transfer_funds","call_id":"call-1","caller_id_num":"+1555{{{NextCaller()}}}","argument":{"parsed":[{"amount":25.5,"to_account":"1234567890","confirmed":true}]}}""");

    // Different callers, as on a busy line, so the per-caller limits are not what is measured.
    private string NextCaller() => (++_caller % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> CallAsync(string query, string body)
    {
        var context = await _server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/swaig";
            c.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
            c.Request.Headers.Authorization = _authorization;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        });
        return context.Response.StatusCode == StatusCodes.Status200OK ? (int)(context.Response.ContentLength ?? 0) : throw new InvalidOperationException($"HTTP {context.Response.StatusCode}");
    }
}
