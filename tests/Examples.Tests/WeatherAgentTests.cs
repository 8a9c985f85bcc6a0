using WeatherAgentExample;

namespace Examples.Tests;

/// <summary>examples/WeatherAgent over real HTTP: its DataMap reaches SignalWire whole, and no tool call runs here.</summary>
public sealed class WeatherAgentTests
{
    [Fact]
    public async Task The_document_carries_the_weather_data_map_with_the_key_and_its_outputs()
    {
        await using var server = await AgentTestServer.StartAsync(new WeatherAgent(AgentTestServer.Options("weather"), apiKey: "test-key-123"));
        using var client = server.CreateClient();

        var tool = (await client.FetchSwmlAsync("call-1")).Ai()["SWAIG"]!["functions"]!.AsArray().Single()!;

        Assert.Equal(
            """{"function":"get_weather","description":"Current weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string","description":"The city, like Paris or Austin, Texas"}},"required":["city"]},"data_map":{"webhooks":[{"url":"https://api.weatherapi.com/v1/current.json?key=test-key-123&q=${enc:url:args.city}","method":"GET","error_keys":["error"],"output":{"response":"In ${args.city} it is ${response.current.temp_c} degrees and ${response.current.condition.text}."}}],"output":{"response":"The weather service is not answering; ask the caller to try again later."}}}""",
            tool.ToWireJson());
    }

    [Fact]
    public async Task A_tool_call_for_the_data_map_is_refused_because_signalwire_runs_it()
    {
        await using var server = await AgentTestServer.StartAsync(new WeatherAgent(AgentTestServer.Options("weather"), apiKey: "test-key-123"));
        using var client = server.CreateClient();

        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("get_weather", new() { ["city"] = "Paris" }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Function runs on the SignalWire platform"}""", await response.ReadTextAsync());
    }
}
