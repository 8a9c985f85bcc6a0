using System.Text.Json.Nodes;
using SignalWire.Agents.DataMaps;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Trivia questions from API Ninjas: DataMap tool <c>get_trivia</c> (argument <c>category</c>, from the categories
/// enabled), run by the SignalWire platform. Several instances with different <c>tool_name</c>s and categories may
/// share an agent. Parameters: <c>api_key</c> (or <c>API_NINJAS_KEY</c>), <c>categories</c>, <c>tool_name</c>.
/// </summary>
public sealed class TriviaSkill : SkillBase
{
    /// <summary>The categories API Ninjas serves, with their spoken names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["artliterature"] = "Art and Literature",
        ["language"] = "Language",
        ["sciencenature"] = "Science and Nature",
        ["general"] = "General Knowledge",
        ["fooddrink"] = "Food and Drink",
        ["peopleplaces"] = "People and Places",
        ["geography"] = "Geography",
        ["historyholidays"] = "History and Holidays",
        ["entertainment"] = "Entertainment",
        ["toysgames"] = "Toys and Games",
        ["music"] = "Music",
        ["mathematics"] = "Mathematics",
        ["religionmythology"] = "Religion and Mythology",
        ["sportsleisure"] = "Sports and Leisure",
    };

    /// <inheritdoc />
    public override string Name => "api_ninjas_trivia";

    /// <inheritdoc />
    public override string Description => "Trivia questions from API Ninjas";

    /// <inheritdoc />
    public override bool SupportsMultipleInstances => true;

    /// <inheritdoc />
    protected override string DefaultToolName => "get_trivia";

    /// <summary>The API Ninjas key (else <c>API_NINJAS_KEY</c>).</summary>
    public string? ApiKey { get => GetString("api_key"); set => SetParameter("api_key", value); }

    /// <inheritdoc />
    protected override JsonObject ParameterSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["api_key"] = ApiNinjas.KeyParameter,
            ["categories"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "The categories to offer (default all)",
                ["minItems"] = 1,
                ["uniqueItems"] = true,
                ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Categories.Keys.Select(k => (JsonNode)k)]) },
            },
        },
    };

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        var key = RequireSecret("api_key", ApiNinjas.KeyVariable);
        var enabled = GetNode("categories") is JsonArray chosen ? chosen.Select(c => c!.GetValue<string>()).ToList() : [.. Categories.Keys];
        context.DefineDataMapTool(new DataMap(ToolName)
            .Purpose($"Get a trivia question ({string.Join(", ", enabled.Select(c => Categories[c]))})")
            .Parameter("category", "string", "The category: " + string.Join("; ", enabled.Select(c => $"{c} ({Categories[c]})")), required: true, enumValues: enabled)
            .Webhook("GET", ApiNinjas.BaseUrl + "trivia?category=${enc:args.category}", new Dictionary<string, string> { ["X-Api-Key"] = key })
            .Output(new FunctionResult("Category ${array[0].category}. Question: ${array[0].question} Answer: ${array[0].answer}. Ask the question and give the caller time to answer before you reveal the answer."))
            .ErrorKeys("error")
            .FallbackOutput(new FunctionResult("The trivia service is not answering right now. Offer to try again later.")));
    }
}
