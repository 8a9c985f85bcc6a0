using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;

namespace SignalWire.Agents.Skills;

/// <summary>
/// A random joke or dad joke from API Ninjas: DataMap tool <c>get_joke</c> (argument <c>type</c>: <c>jokes</c> or
/// <c>dadjokes</c>), run by the SignalWire platform. Parameters: <c>api_key</c> (or <c>API_NINJAS_KEY</c>), <c>tool_name</c>.
/// </summary>
public sealed class JokeSkill : SkillBase
{
    /// <inheritdoc />
    public override string Name => "joke";

    /// <inheritdoc />
    public override string Description => "Tell jokes from API Ninjas";

    /// <inheritdoc />
    protected override string DefaultToolName => "get_joke";

    /// <summary>The API Ninjas key (else <c>API_NINJAS_KEY</c>).</summary>
    public string? ApiKey { get => GetString("api_key"); set => SetParameter("api_key", value); }

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["api_key"] = ApiNinjas.KeyParameter,
            ["tool_name"] = new JsonObject { ["type"] = "string", ["description"] = "The tool's name (default get_joke)", ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]{0,63}$" },
        },
    };

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var key = RequireSecret("api_key", ApiNinjas.KeyVariable);
        context.DefineDataMapTool(new DataMap(ToolName)
            .Purpose("Get a random joke from API Ninjas")
            .Parameter("type", "string", "The kind of joke", required: true, enumValues: ["jokes", "dadjokes"])
            .Webhook("GET", ApiNinjas.BaseUrl + "${args.type}", new Dictionary<string, string> { ["X-Api-Key"] = key })
            .Output(new FunctionResult("Here's a joke: ${array[0].joke}"))
            .ErrorKeys("error")
            .FallbackOutput(new FunctionResult("The joke service is not answering right now. Offer to try again later.")));
        context.AddPromptSection("Jokes", "You can tell a joke or a dad joke when the caller asks for one.", [$"Use {ToolName} with type jokes or dadjokes."]);
    }
}
