
namespace SignalWire.Agents.AspNetCore.Tests;

/// <summary>A test class that serves one agent on Kestrel for each test and holds an authenticated client.</summary>
public abstract class ServedAgentTest<TAgent> : IAsyncLifetime
    where TAgent : AgentBase
{
    protected ServedAgentTest(TAgent agent)
    {
        Agent = agent;
    }

    protected TAgent Agent { get; }

    protected AgentTestServer Server { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await AgentTestServer.StartAsync(Agent);
        Client = Server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
