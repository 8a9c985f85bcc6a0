using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Current weather from WeatherAPI.com: DataMap tool <c>get_weather</c> (argument <c>location</c>), run by the
/// SignalWire platform, answered in words a voice reads well. Parameters: <c>api_key</c> (or <c>WEATHER_API_KEY</c>;
/// WeatherAPI takes it in the URL, so it is in the served SWML), <c>tool_name</c>, <c>temperature_unit</c>.
/// </summary>
public sealed class WeatherSkill : SkillBase
{
    /// <summary>Where the key comes from when not given as <c>api_key</c>.</summary>
    public const string KeyVariable = "WEATHER_API_KEY";

    /// <inheritdoc />
    public override string Name => "weather_api";

    /// <inheritdoc />
    public override string Description => "Current weather for any place (WeatherAPI.com)";

    /// <inheritdoc />
    protected override string DefaultToolName => "get_weather";

    /// <summary>The WeatherAPI.com key (else <c>WEATHER_API_KEY</c>).</summary>
    public string? ApiKey { get => GetString("api_key"); set => SetParameter("api_key", value); }

    /// <summary><c>fahrenheit</c> (default) or <c>celsius</c>.</summary>
    public string? TemperatureUnit { get => GetString("temperature_unit"); set => SetParameter("temperature_unit", value); }

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["api_key"] = new JsonObject { ["type"] = "string", ["description"] = $"WeatherAPI.com key (default: {KeyVariable}); it is written into the served SWML, which only the platform receives", ["minLength"] = 1, ["pattern"] = "^[A-Za-z0-9]+$" },
            ["tool_name"] = new JsonObject { ["type"] = "string", ["description"] = "The tool's name (default get_weather)", ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]{0,63}$" },
            ["temperature_unit"] = new JsonObject { ["type"] = "string", ["description"] = "How temperatures are given", ["enum"] = new JsonArray("fahrenheit", "celsius") },
        },
    };

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var key = RequireSecret("api_key", KeyVariable);
        if (!key.All(char.IsAsciiLetterOrDigit))
        {
            throw new AgentConfigurationException($"Skill '{Name}': the WeatherAPI key must be letters and digits.");
        }

        var celsius = TemperatureUnit == "celsius";
        var (unit, temperature, feelsLike) = celsius ? ("Celsius", "temp_c", "feelslike_c") : ("Fahrenheit", "temp_f", "feelslike_f");
        context.DefineDataMapTool(new DataMap(ToolName)
            .Purpose("Get the current weather for a place")
            .Parameter("location", "string", "The city, region or country", required: true)
            .Webhook("GET", $"https://api.weatherapi.com/v1/current.json?key={key}&q=${{enc:args.location}}&aqi=no")
            .Output(new FunctionResult(
                $"Tell the caller the weather in words: temperatures as spoken numbers in {unit} (\"seventy two degrees\", not \"72°\"). "
                + $"Place: ${{location.name}}, ${{location.country}}. Conditions: ${{current.condition.text}}. Temperature: ${{current.{temperature}}} degrees {unit}, "
                + $"feels like ${{current.{feelsLike}}}. Wind: ${{current.wind_dir}} at ${{current.wind_mph}} miles per hour. Cloud cover: ${{current.cloud}} percent."))
            .ErrorKeys("error")
            .FallbackOutput(new FunctionResult("The weather service could not answer for that place. Ask the caller to name a nearby city.")));
    }
}
