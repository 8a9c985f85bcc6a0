using System.Text.Json.Nodes;

namespace SignalWire.Agents.Swml;

/// <summary>
/// Where the SWML the platform accepts goes beyond its published JSON Schema, and this SDK emits it: applied to
/// the vendored schema wherever documents are checked against it (tests and the opt-in runtime check).
/// </summary>
/// <remarks>
/// One amendment: a SWAIG <c>SWML</c> action may carry <c>"transfer": "true" | "false"</c>, which tells the AI whether
/// the call leaves it for good. <see cref="FunctionResult.SwmlTransfer"/> and <see cref="FunctionResult.Connect"/>
/// emit it, as both reference SDKs do, and the platform acts on it; the published <c>SWMLAction</c> lacks it.
/// </remarks>
public static class SwmlSchemaAmendments
{
    /// <summary>Amends the schema text <paramref name="schemaJson"/> and returns the amended text.</summary>
    /// <exception cref="InvalidOperationException">The schema no longer has the definition amended (the amendment may be obsolete).</exception>
    public static string Apply(string schemaJson)
    {
        var schema = JsonNode.Parse(schemaJson)?.AsObject() ?? throw new InvalidOperationException("The SWML schema is not a JSON object.");
        var properties = schema["$defs"]?["SWMLAction"]?["properties"] as JsonObject
            ?? throw new InvalidOperationException("The SWML schema has no $defs.SWMLAction.properties to amend.");
        properties.TryAdd("transfer", new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray("true", "false"),
            ["description"] = "Whether the call leaves the AI for good (SDK amendment; the platform honours it).",
        });
        return schema.ToJsonString();
    }
}
