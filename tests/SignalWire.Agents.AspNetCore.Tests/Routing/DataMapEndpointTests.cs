using System.Net;
using SignalWire.Agents.DataMaps;

namespace SignalWire.Agents.AspNetCore.Tests.Routing;

public sealed class DataMapEndpointTests
{
    [Fact]
    public async Task A_data_map_tool_is_rendered_but_never_run_by_the_agent()
    {
        var agent = new TestAgent();
        agent.DefineDataMapTool(new DataMap("weather")
            .Purpose("Get the weather")
            .Parameter("city", "string", "City", required: true)
            .Webhook("GET", "https://api.example.com/weather?q=${enc:args.city}")
            .Output(new FunctionResult("It is ${response.temp} degrees.")));
        await using var server = await AgentTestServer.StartAsync(agent);
        using var client = server.CreateClient();

        var swml = await client.FetchSwmlAsync("call-1");
        using var call = await client.PostJsonAsync("/swaig", SwaigRequests.Call("weather", new() { ["city"] = "Paris" }));

        var weather = swml.Ai()["SWAIG"]!["functions"]!.AsArray().Single(f => f!["function"]!.GetValue<string>() == "weather")!;
        Assert.Equal(
            """{"webhooks":[{"url":"https://api.example.com/weather?q=${enc:args.city}","method":"GET","output":{"response":"It is ${response.temp} degrees."}}]}""",
            weather["data_map"]!.ToWireJson());
        Assert.Equal(HttpStatusCode.BadRequest, call.StatusCode);
        Assert.Equal("""{"error":"Function runs on the SignalWire platform"}""", await call.ReadTextAsync());
    }
}
