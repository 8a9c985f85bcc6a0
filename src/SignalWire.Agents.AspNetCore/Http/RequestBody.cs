using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SignalWire.Agents.Json;
using SignalWire.Agents.Requests;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>Outcome of reading a JSON request body.</summary>
internal enum BodyStatus
{
    /// <summary>A JSON object was read.</summary>
    Ok,

    /// <summary>The body was empty.</summary>
    Empty,

    /// <summary>The body exceeded the limit (declared or actual).</summary>
    TooLarge,

    /// <summary>The body is not valid JSON.</summary>
    Malformed,

    /// <summary>The body is valid JSON but not an object.</summary>
    NotAnObject,

    /// <summary>The body's webhook signature is missing or wrong.</summary>
    SignatureInvalid,

    /// <summary>The body's framing is broken (bad chunking, a length it did not keep to): Kestrel refused it while it was read.</summary>
    BrokenFraming,

    /// <summary>The body arrived too slowly (below Kestrel's minimum data rate).</summary>
    TimedOut,

    /// <summary>The body is declared as a form (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>), which is never read as JSON.</summary>
    UnsupportedMediaType,
}

/// <summary>Checks the raw body (e.g. its webhook signature) before it is parsed.</summary>
internal delegate bool BodyVerifier(HttpContext context, ReadOnlySpan<byte> body);

/// <summary>Parses a non-empty, valid UTF-8 body.</summary>
internal delegate (BodyStatus Status, T? Body) BodyParser<T>(ReadOnlySpan<byte> body);

/// <summary>
/// Reads a request body as a JSON object, enforcing a byte limit even on chunked bodies. The limit is
/// checked as data arrives, so an oversized body is refused after at most one read beyond it.
/// </summary>
internal static class RequestBody
{
    public static ValueTask<(BodyStatus Status, JsonObject? Body)> ReadJsonObjectAsync(HttpContext context, long limit, BodyVerifier? verifier = null) =>
        ReadAsync(context, limit, verifier, ParseObject);

    /// <summary>Reads a SWAIG call: the typed request in one generated pass.</summary>
    public static ValueTask<(BodyStatus Status, SwaigRequest? Body)> ReadSwaigRequestAsync(HttpContext context, long limit, BodyVerifier? verifier = null) =>
        ReadAsync(context, limit, verifier, ParseSwaigRequest);

    /// <summary>
    /// Reads the body (capped, verified) and hands the bytes to <paramref name="parse"/>, which must check them with
    /// <see cref="JsonText.IsWellFormed"/> and return Malformed or NotAnObject itself.
    /// </summary>
    public static async ValueTask<(BodyStatus Status, T? Body)> ReadAsync<T>(HttpContext context, long limit, BodyVerifier? verifier, BodyParser<T> parse)
    {
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return (BodyStatus.TooLarge, default);
        }

        if (IsForm(request.ContentType))
        {
            // A form's signature covers its decoded parameters, not its bytes: reading those bytes as JSON
            // would let a re-encoded body pass a signature made for a different one.
            return (BodyStatus.UnsupportedMediaType, default);
        }

        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (buffer.Length > limit)
                {
                    reader.AdvanceTo(buffer.End);
                    return (BodyStatus.TooLarge, default);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    try
                    {
                        return Parse(context, buffer, verifier, parse);
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.End);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (ex.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => BodyStatus.TooLarge,
                StatusCodes.Status408RequestTimeout => BodyStatus.TimedOut,
                _ => BodyStatus.BrokenFraming,
            }, default);
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel reports a few framing errors (a chunk size that overflows) as a plain IOException.
            return (BodyStatus.BrokenFraming, default);
        }
    }

    /// <summary>Whether <paramref name="contentType"/> declares a form body.</summary>
    internal static bool IsForm(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    private static (BodyStatus, T?) Parse<T>(HttpContext context, ReadOnlySequence<byte> body, BodyVerifier? verifier, BodyParser<T> parse)
    {
        var bytes = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
        if (verifier is not null && !verifier(context, bytes))
        {
            return (BodyStatus.SignatureInvalid, default);
        }

        // Every parser checks the text itself (JsonText: valid UTF-8, escapes that decode), once.
        return IsBlank(body) ? (BodyStatus.Empty, default) : parse(bytes);
    }

    private static (BodyStatus, JsonObject?) ParseObject(ReadOnlySpan<byte> bytes)
    {
        // Strings are transcoded lazily, so invalid UTF-8 or an escaped lone surrogate ("\ud800") would
        // otherwise surface later, wherever a string is first read, as an exception.
        if (!JsonText.IsWellFormed(bytes))
        {
            return (BodyStatus.Malformed, null);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: RequestJson.DocumentOptions);
        }
        catch (JsonException)
        {
            // Also a duplicate property name: which of the two values counts would be anyone's guess.
            return (BodyStatus.Malformed, null);
        }

        return node is JsonObject obj ? (BodyStatus.Ok, obj) : (BodyStatus.NotAnObject, null);
    }

    private static (BodyStatus, SwaigRequest?) ParseSwaigRequest(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return (BodyStatus.Ok, SwaigRequest.Parse(bytes));
        }
        catch (JsonException)
        {
            // Rare: tell "not JSON" from "JSON but not an object" the way every other route does.
            return ParseObject(bytes).Item1 == BodyStatus.NotAnObject ? (BodyStatus.NotAnObject, null) : (BodyStatus.Malformed, null);
        }
    }

    private static bool IsBlank(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
