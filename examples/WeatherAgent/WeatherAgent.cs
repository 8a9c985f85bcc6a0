using SignalWire.Agents;
using SignalWire.Agents.DataMaps;

namespace WeatherAgentExample;

/// <summary>
/// A weather line whose one tool is a DataMap: SignalWire calls the weather API itself, so the agent serves only its
/// document and no tool call ever reaches it. The API key comes from <c>WEATHER_API_KEY</c> and travels in the
/// document to SignalWire, never to the caller.
/// </summary>
public sealed class WeatherAgent : AgentBase
{
    /// <summary>The environment variable holding the weatherapi.com key.</summary>
    public const string ApiKeyVariable = "WEATHER_API_KEY";

    /// <summary>Creates the agent; <paramref name="apiKey"/> defaults to <see cref="ApiKeyVariable"/>.</summary>
    public WeatherAgent(AgentOptions? options = null, string? apiKey = null)
        : base(options ?? new AgentOptions { Name = "weather" })
    {
        apiKey ??= Environment.GetEnvironmentVariable(ApiKeyVariable) ?? "set-WEATHER_API_KEY";
        PromptAddSection("Role", "You tell callers the current weather in any city they name.");
        AddLanguage("English", "en-US", "rime.spore");
        DefineDataMapTool(new DataMap("get_weather")
            .Purpose("Current weather for a city")
            .Parameter("city", "string", "The city, like Paris or Austin, Texas", required: true)
            .Webhook("GET", $"https://api.weatherapi.com/v1/current.json?key={apiKey}&q=${{enc:url:args.city}}")
            .ErrorKeys("error")
            .Output(new FunctionResult("In ${args.city} it is ${response.current.temp_c} degrees and ${response.current.condition.text}."))
            .FallbackOutput(new FunctionResult("The weather service is not answering; ask the caller to try again later.")));
    }
}
