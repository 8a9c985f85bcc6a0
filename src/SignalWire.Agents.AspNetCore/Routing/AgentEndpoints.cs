using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Security;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>
/// The request handlers of one agent. Every handler checks Basic Auth before reading the body, caps the
/// body, and answers bad input with a JSON error and the right status; nothing it writes contains an
/// exception message, a credential or a token.
/// </summary>
internal sealed class AgentEndpoints
{
    private const string TokenQueryKey = "__token";
    private const string LegacyTokenQueryKey = "token";

    private static readonly byte[] SummaryOk = """{"success":true}"""u8.ToArray();
    private static readonly byte[] SummaryFailed = """{"success":false}"""u8.ToArray();

    private readonly AgentBase _agent;
    private readonly AgentSettings _settings;
    private readonly WebhookBaseResolver _urls;
    private readonly ILogger _logger;

    public AgentEndpoints(AgentBase agent, ILogger logger)
    {
        _agent = agent;
        _settings = agent.Settings;
        _urls = new WebhookBaseResolver(_settings);
        _logger = logger;
    }

    /// <summary>Message the AI gets when a handler throws; the details go to the log only.</summary>
    public const string ToolFailureResponse = "Sorry, that action could not be completed because of an internal error. Please try again later.";

    public Task SwmlAsync(HttpContext context) => GuardAsync(context, static (self, ctx) => self.RenderSwmlAsync(ctx));

    public Task SwaigAsync(HttpContext context) => GuardAsync(context, static (self, ctx) => self.DispatchToolAsync(ctx));

    public Task PostPromptAsync(HttpContext context) => GuardAsync(context, static (self, ctx) => self.ReceiveSummaryAsync(ctx));

    private async Task GuardAsync(HttpContext context, Func<AgentEndpoints, HttpContext, Task> handler)
    {
        SecurityHeaders.Apply(context.Response);
        if (!_settings.BasicAuth.Verify(context.Request.Headers.Authorization.ToString()))
        {
            Log.AuthenticationFailed(_logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"SignalWire Agent\", charset=\"UTF-8\"";
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        try
        {
            await handler(this, context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The platform hung up on the request; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            Log.UnexpectedError(_logger, ex, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            SecurityHeaders.Apply(context.Response);
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal server error").ConfigureAwait(false);
        }
    }

    private async Task RenderSwmlAsync(HttpContext context)
    {
        string? callId = null;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var (status, body) = await RequestBody.ReadJsonObjectAsync(context, _settings.MaxRequestBodySize).ConfigureAwait(false);
            if (status is not (BodyStatus.Ok or BodyStatus.Empty))
            {
                await RejectBodyAsync(context, status).ConfigureAwait(false);
                return;
            }

            callId = body?.GetString("call_id") ?? (body?["call"] as JsonObject)?.GetString("call_id");
        }

        callId ??= context.Request.Query["call_id"].ToString() is { Length: > 0 } fromQuery ? fromQuery : null;
        var webhookBase = _urls.Resolve(context);
        await JsonResponses.WriteAsync(
            context,
            StatusCodes.Status200OK,
            (_agent, webhookBase, callId),
            static (state, buffer) => AgentDocumentRenderer.Render(state._agent, state.webhookBase, state.callId, buffer)).ConfigureAwait(false);
    }

    private async Task DispatchToolAsync(HttpContext context)
    {
        var (status, body) = await RequestBody.ReadJsonObjectAsync(context, _settings.MaxRequestBodySize).ConfigureAwait(false);
        if (status != BodyStatus.Ok)
        {
            await RejectBodyAsync(context, status).ConfigureAwait(false);
            return;
        }

        var request = body!;
        var name = request.GetString("function");
        if (string.IsNullOrEmpty(name))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Missing function name").ConfigureAwait(false);
            return;
        }

        if (!ToolNames.IsWellFormed(name))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Invalid function name").ConfigureAwait(false);
            return;
        }

        if (!_agent.Tools.TryGet(name, out var tool))
        {
            await RejectAsync(context, StatusCodes.Status404NotFound, "Function not found").ConfigureAwait(false);
            return;
        }

        var callId = request.GetString("call_id");
        if (tool.Secure && !await CheckTokenAsync(context, tool.Name, callId).ConfigureAwait(false))
        {
            return;
        }

        var args = ExtractArguments(request);
        var toolContext = new ToolCallContext(_agent, tool.Name, request);
        FunctionResult result;
        try
        {
            result = await tool.Invoke(args, toolContext, context.RequestAborted).ConfigureAwait(false)
                ?? new FunctionResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            Log.ToolFailed(_logger, ex, tool.Name, callId);
            result = new FunctionResult(ToolFailureResponse);
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, result, static (r, buffer) =>
        {
            using var writer = new System.Text.Json.Utf8JsonWriter(buffer, SwmlJson.WriterOptions);
            r.WriteTo(writer);
        }).ConfigureAwait(false);
    }

    private async Task ReceiveSummaryAsync(HttpContext context)
    {
        var (status, body) = await RequestBody.ReadJsonObjectAsync(context, _settings.MaxRequestBodySize).ConfigureAwait(false);
        if (status != BodyStatus.Ok)
        {
            await RejectBodyAsync(context, status).ConfigureAwait(false);
            return;
        }

        var callId = body!.GetString("call_id");
        if (!await CheckTokenAsync(context, AgentDocumentRenderer.PostPromptFunction, callId).ConfigureAwait(false))
        {
            return;
        }

        var succeeded = true;
        try
        {
            await _agent.OnSummaryAsync(new PostPromptSummary(body!), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            Log.SummaryFailed(_logger, ex, callId);
            succeeded = false;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, succeeded ? SummaryOk : SummaryFailed).ConfigureAwait(false);
    }

    private async ValueTask<bool> CheckTokenAsync(HttpContext context, string function, string? callId)
    {
        var query = context.Request.Query;
        var token = query[TokenQueryKey].ToString();
        if (token.Length == 0)
        {
            token = query[LegacyTokenQueryKey].ToString();
        }

        var outcome = _settings.Tokens.Check(token, function, callId);
        if (outcome == TokenCheck.Valid)
        {
            return true;
        }

        Log.TokenRejected(_logger, function, callId, outcome);
        await JsonResponses.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden").ConfigureAwait(false);
        return false;
    }

    /// <summary>Arguments: <c>argument.parsed[0]</c>, else the JSON in <c>argument.raw</c>, else <c>arguments</c>; else empty.</summary>
    internal static JsonObject ExtractArguments(JsonObject request)
    {
        if (request["argument"] is JsonObject argument)
        {
            if (argument["parsed"] is JsonArray { Count: > 0 } parsed && parsed[0] is JsonObject first)
            {
                return first;
            }

            if (argument.GetString("raw") is { Length: > 0 } raw)
            {
                try
                {
                    if (JsonNode.Parse(raw) is JsonObject fromRaw)
                    {
                        return fromRaw;
                    }
                }
                catch (System.Text.Json.JsonException)
                {
                    // Unparsable raw arguments count as none; the tool's own checks report what is missing.
                }
            }
        }

        return request["arguments"] is JsonObject flat ? flat : [];
    }

    private Task RejectBodyAsync(HttpContext context, BodyStatus status) => status switch
    {
        BodyStatus.TooLarge => RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large"),
        BodyStatus.Empty => RejectAsync(context, StatusCodes.Status400BadRequest, "Request body must be a JSON object"),
        BodyStatus.NotAnObject => RejectAsync(context, StatusCodes.Status400BadRequest, "Request body must be a JSON object"),
        _ => RejectAsync(context, StatusCodes.Status400BadRequest, "Malformed JSON"),
    };

    private Task RejectAsync(HttpContext context, int status, string reason)
    {
        Log.RequestRejected(_logger, context.Request.Method, context.Request.Path, status, reason);
        return JsonResponses.WriteErrorAsync(context, status, reason);
    }
}
