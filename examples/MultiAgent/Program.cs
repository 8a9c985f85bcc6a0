using MultiAgentExample;
using SignalWire.Agents.Redis;

// One listener, three agents; a call made to sip:sales@… or sip:support@… is answered by that desk,
// whichever route the platform posts it to.
var server = FrontDesk.Create();

server.Run(args, builder =>
{
    // Several replicas share limits, single-use tokens and verified callers through Redis.
    if (Environment.GetEnvironmentVariable(RedisOptions.EnvironmentVariable) is { Length: > 0 })
    {
        builder.Services.AddSignalWireRedis();
    }
});
