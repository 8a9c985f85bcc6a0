using System.Net;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>An agent served on loopback with a client, for calling its skills' tools over real HTTP.</summary>
internal sealed class ServedAgent : IAsyncDisposable
{
    private readonly AgentTestServer _server;
    private readonly HttpClient _client;

    private ServedAgent(AgentTestServer server)
    {
        _server = server;
        _client = server.CreateClient();
    }

    public AgentTestServer Server => _server;

    public static async Task<ServedAgent> StartAsync(AgentBase agent) => new(await AgentTestServer.StartAsync(agent));

    /// <summary>Calls <paramref name="function"/> and returns the whole SWAIG response.</summary>
    public async Task<JsonObject> CallJsonAsync(string function, JsonObject? args = null, string callId = "call-1")
    {
        using var response = await _client.PostJsonAsync("/swaig", SwaigRequests.Call(function, args, callId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Calls <paramref name="function"/> and returns its response text.</summary>
    public async Task<string> CallAsync(string function, JsonObject? args = null, string callId = "call-1") =>
        (await CallJsonAsync(function, args, callId))["response"]!.GetValue<string>();

    /// <summary>The served SWML's SWAIG function <paramref name="name"/>.</summary>
    public async Task<JsonObject> ToolAsync(string name)
    {
        var swml = await _client.FetchSwmlAsync("call-1");
        return swml.Ai()["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == name)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }
}
