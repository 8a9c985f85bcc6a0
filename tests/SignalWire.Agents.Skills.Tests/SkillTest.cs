using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>Serving an agent with skills and reading what it renders.</summary>
internal static class SkillTest
{
    public static AgentBase Agent() => new(AgentTestServer.Options());

    /// <summary>The rendered SWAIG function <paramref name="name"/> of <paramref name="agent"/>, fetched over HTTP (and so schema-checked).</summary>
    public static async Task<JsonObject> ToolOfAsync(AgentBase agent, string name)
    {
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();
        var swml = await client.FetchSwmlAsync("call-1");
        return swml.Ai()["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == name)!.AsObject();
    }
}
