using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Pipeline;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>The SWAIG route: the body read once, then the pipeline's tool gates; this only translates.</summary>
internal sealed partial class AgentEndpoints
{
    private async Task DispatchToolAsync(HttpContext context)
    {
        var (status, request) = await RequestBody.ReadSwaigRequestAsync(context, _settings.MaxRequestBodySize, _signatureCheck).ConfigureAwait(false);
        if (request is null)
        {
            await RejectBodyAsync(context, status == BodyStatus.Ok ? BodyStatus.Malformed : status).ConfigureAwait(false);
            return;
        }

        // Dynamic configuration handlers get the whole body, built from the same bytes only when they exist.
        var details = _agent.HasDynamicConfig ? DynamicRequest(context, request.Body) : null;
        var outcome = await _pipeline.InvokeToolAsync(new ToolInvocation(request, TokenOf(context), context.Connection.RemoteIpAddress, details), context.RequestAborted).ConfigureAwait(false);
        if (outcome.Result is not { } result)
        {
            await RejectAsync(context, outcome.StatusCode, outcome.Error ?? "Refused").ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, result, static (r, buffer) => r.WriteTo(buffer)).ConfigureAwait(false);
    }

    /// <summary>The token the URL carries: <c>__token</c>, else the legacy <c>token</c>.</summary>
    private static string? TokenOf(HttpContext context)
    {
        var query = context.Request.QueryString.Value;
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var token = QueryValue(query, TokenQueryKey);
        return token.Length > 0 ? token : QueryValue(query, LegacyTokenQueryKey);
    }

    /// <summary>
    /// The decoded value of <paramref name="name"/> in <paramref name="query"/>, read as <c>Request.Query[name]</c>
    /// would (names match case-insensitively, values given twice are joined with a comma), without building
    /// the whole query collection.
    /// </summary>
    private static string QueryValue(string query, string name)
    {
        string? found = null;
        foreach (var pair in new QueryStringEnumerable(query))
        {
            if (pair.DecodeName().Span.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var value = pair.DecodeValue().ToString();
                found = found is null ? value : found + "," + value;
            }
        }

        return found ?? string.Empty;
    }
}
