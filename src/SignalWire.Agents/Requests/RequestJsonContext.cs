using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Requests;

/// <summary>
/// Generated (reflection-free, trimming- and AOT-safe) serialization for the typed requests, under the rules of
/// <see cref="RequestJson"/>: no property name twice in one object, at most <see cref="RequestJson.MaxDepth"/> levels.
/// </summary>
[JsonSourceGenerationOptions(AllowDuplicateProperties = false, MaxDepth = RequestJson.MaxDepth, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SwaigRequest))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class RequestJsonContext : JsonSerializerContext;
