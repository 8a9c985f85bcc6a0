using SecureAgentExample;
using SignalWire.Agents.AspNetCore;
using SignalWire.Agents.Mcp;
using SignalWire.Agents.Redis;

// SIGNALWIRE_MCP=true also serves the agent's tools over MCP at /mcp, behind the same Basic Auth.
var mcp = string.Equals(Environment.GetEnvironmentVariable("SIGNALWIRE_MCP"), "true", StringComparison.OrdinalIgnoreCase);
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
