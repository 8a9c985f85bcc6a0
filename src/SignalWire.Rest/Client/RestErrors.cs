using System.Text.Json;
using System.Text.Json.Nodes;

namespace SignalWire.Rest;

/// <summary>Reads the API's error bodies (<c>{"errors":[...]}</c>, <c>{"error": ...}</c> or <c>{"message", "code"}</c>) into a <see cref="SignalWireApiException"/>.</summary>
internal static class RestErrors
{
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-SignalWire-Request-Id", "Request-Id"];

    public static SignalWireApiException FromResponse(string name, HttpResponseMessage response, string body, TimeProvider time)
    {
        var errors = Parse(body);
        var requestId = RequestIdHeaders.Select(h => response.Headers.TryGetValues(h, out var values) ? values.FirstOrDefault() : null).FirstOrDefault(v => v is not null);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => (TimeSpan?)null,
        };
        var details = errors.Count == 0 ? response.ReasonPhrase ?? "no details" : string.Join("; ", errors.Select(e => e.Attribute is null ? e.Message : $"{e.Attribute}: {e.Message}"));
        var message = $"{name} answered {(int)response.StatusCode}: {details}{(requestId is null ? string.Empty : $" (request id {requestId})")}";
        return new SignalWireApiException(message, response.StatusCode, errors, requestId, retryAfter);
    }

    private static List<ApiFieldError> Parse(string body)
    {
        JsonNode? node;
        try
        {
            node = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return [];
        }

        if (node is not JsonObject obj)
        {
            return [];
        }

        if (obj["errors"] is JsonArray list)
        {
            return [.. list.OfType<JsonObject>().Select(e => new ApiFieldError(Text(e["code"]), Text(e["message"]) ?? Text(e["detail"]) ?? "error", Text(e["attribute"]) ?? Text(e["field"]), Text(e["url"])))];
        }

        if (obj["error"] is JsonObject error)
        {
            return [new ApiFieldError(Text(error["code"]) ?? Text(error["type"]), Text(error["message"]) ?? "error", Text(error["attribute"]), null)];
        }

        var message = Text(obj["error"]) ?? Text(obj["message"]) ?? Text(obj["detail"]);
        return message is null ? [] : [new ApiFieldError(Text(obj["code"]), message, null, Text(obj["more_info"]))];
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
