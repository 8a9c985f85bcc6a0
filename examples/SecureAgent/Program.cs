using SecureAgentExample;
using SignalWire.Agents.AspNetCore;
using SignalWire.Agents.Redis;

new SecureAgent().Run(args, builder =>
{
    // Several replicas behind a load balancer share rate limits and single-use tokens through Redis.
    if (Environment.GetEnvironmentVariable(RedisOptions.EnvironmentVariable) is { Length: > 0 })
    {
        builder.Services.AddSignalWireRedis();
    }
});
