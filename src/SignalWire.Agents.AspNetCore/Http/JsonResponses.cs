using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>Writes JSON bodies with an exact Content-Length.</summary>
internal static class JsonResponses
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Writes <c>{"error": message}</c> with <paramref name="status"/>.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, SwmlJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("error"u8, message);
            writer.WriteEndObject();
        }

        return WriteAsync(context, status, buffer.WrittenMemory);
    }

    /// <summary>Answers a body-less status the framework set (404, 405, 413, ...) as <c>{"error": reason}</c>, with the hardening headers.</summary>
    public static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var message = status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status405MethodNotAllowed => "Method not allowed",
            StatusCodes.Status413PayloadTooLarge => "Request body too large",
            StatusCodes.Status400BadRequest => "Bad request",
            _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
        };
        SecurityHeaders.Apply(context.Response);
        return WriteErrorAsync(context, status, message);
    }

    /// <summary>Writes pre-rendered UTF-8 JSON.</summary>
    public static Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> json)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = json.Length;
        // No cancellation token: the request token may already be cancelled (e.g. a 504 after a timeout), and Kestrel discards writes to a closed connection.
        return response.Body.WriteAsync(json).AsTask();
    }

    /// <summary>Renders with <paramref name="write"/> into a pooled buffer, shows it to <paramref name="inspect"/> when given, and sends it.</summary>
    public static async Task WriteAsync<TState>(HttpContext context, int status, TState state, Action<TState, IBufferWriter<byte>> write, Action<ReadOnlyMemory<byte>>? inspect = null)
    {
        var buffer = new PooledBufferWriter();
        try
        {
            write(state, buffer);
            inspect?.Invoke(buffer.WrittenMemory);
            await WriteAsync(context, status, buffer.WrittenMemory).ConfigureAwait(false);
        }
        finally
        {
            buffer.Dispose();
        }
    }
}
