// The example bank agent registered AGENT_COUNT times on one AgentServer, at /agent-0 ... /agent-{N-1}:
// benchmarks/multi-agent.sh measures one of them against the same agent served alone.
using SecureAgentExample;
using SignalWire.Agents;
using SignalWire.Agents.AspNetCore;

var count = int.TryParse(Environment.GetEnvironmentVariable("AGENT_COUNT"), out var n) && n > 0 ? n : 1;
var server = new AgentServer();
for (var i = 0; i < count; i++)
{
    server.Register(new SecureAgent(new AgentOptions { Name = $"agent-{i}", Route = $"/agent-{i}" }));
}

server.Run(args);
