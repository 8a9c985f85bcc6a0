using SecureAgentExample;
using SignalWire.Agents.AspNetCore;
using SignalWire.Agents.Mcp;
using SignalWire.Agents.Redis;

if (args is ["health"])
{
    // The container's HEALTHCHECK (its image has no curl): exit 0 when this host's /health answers 200.
    var port = Environment.GetEnvironmentVariable(SignalWire.Agents.EnvironmentVariables.Port) is { Length: > 0 } value ? value : SignalWire.Agents.AgentSettings.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
    using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    try
    {
        using var health = await probe.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
        return health.IsSuccessStatusCode ? 0 : 1;
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
    {
        return 1;
    }
}

// SIGNALWIRE_MCP=true also serves the agent's tools over MCP at /mcp, behind the same Basic Auth (or the bearer token in
// SIGNALWIRE_MCP_TOKEN when that is set).
var mcp = string.Equals(Environment.GetEnvironmentVariable("SIGNALWIRE_MCP"), "true", StringComparison.OrdinalIgnoreCase);
if (mcp && !AgentMcpExtensions.IsSupported)
{
    // The NativeAOT build leaves MCP out unless published with -p:SignalWireMcpSupport=true (SecureAgent.csproj).
    await Console.Error.WriteLineAsync("SIGNALWIRE_MCP=true, but this build was published without MCP support. Publish it with -p:SignalWireMcpSupport=true to serve MCP.");
    return 2;
}

var agent = new SecureAgent();
var app = AgentApplication.Create(agent, args, builder =>
{
    // Several replicas behind a load balancer share rate limits and single-use tokens through Redis.
    if (Environment.GetEnvironmentVariable(RedisOptions.EnvironmentVariable) is { Length: > 0 })
    {
        builder.Services.AddSignalWireRedis();
    }

    if (mcp)
    {
        builder.Services.AddSignalWireMcp();
    }
});
if (mcp)
{
    app.MapAgentMcp(agent);
}

app.Run();
return 0;
