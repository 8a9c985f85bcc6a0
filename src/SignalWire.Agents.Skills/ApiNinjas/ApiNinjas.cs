namespace SignalWire.Agents.Skills;

/// <summary>What the API Ninjas skills share.</summary>
internal static class ApiNinjas
{
    /// <summary>Where the key comes from when not given as <c>api_key</c>.</summary>
    public const string KeyVariable = "API_NINJAS_KEY";

    /// <summary>The service's address (a DataMap webhook: the platform calls it).</summary>
    public const string BaseUrl = "https://api.api-ninjas.com/v1/";

    public static System.Text.Json.Nodes.JsonObject KeyParameter => new()
    {
        ["type"] = "string",
        ["description"] = $"API Ninjas key (default: {KeyVariable}); it is written into the served SWML, which only the platform receives",
        ["minLength"] = 1,
    };
}
