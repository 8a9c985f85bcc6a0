using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Security;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Tools;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>
/// The request handlers of one agent. Every request passes, in order: the opt-in per-IP ceiling, the
/// failed-authentication block, Basic Auth, the capped body read and its webhook signature; tool calls
/// then pass the secure-tool token (and single use), the emergency switch, the per-caller limit, argument
/// validation and confirmation before the handler runs. Each refusal is an audit event and a metric, and
/// nothing written back contains an exception message, a credential or a token.
/// </summary>
internal sealed partial class AgentEndpoints
{
    /// <summary>Message the AI gets when a handler throws; the details go to the log only.</summary>
    public const string ToolFailureResponse = "Sorry, that action could not be completed because of an internal error. Please try again later.";

    /// <summary>Message the AI gets when a caller exceeds a tool's limit.</summary>
    public const string RateLimitedResponse = "You've made too many requests. Please wait a moment.";

    /// <summary>Message the AI gets for secure and sensitive tools in emergency mode.</summary>
    public const string EmergencyResponse = "This service is temporarily unavailable.";

    private const string TokenQueryKey = "__token";
    private const string LegacyTokenQueryKey = "token";

    private static readonly byte[] SummaryOk = """{"success":true}"""u8.ToArray();
    private static readonly byte[] SummaryFailed = """{"success":false}"""u8.ToArray();
    private static readonly byte[] DebugEventOk = """{"status":"ok"}"""u8.ToArray();
    private static readonly TimeSpan CallMemory = TimeSpan.FromHours(4);

    /// <summary>Headers never handed to dynamic configuration: they carry credentials.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SecretHeaders = System.Collections.Frozen.FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-SignalWire-Signature", "X-Twilio-Signature");

    /// <summary>Calls remembered for <c>call_start</c> de-duplication (per process; beyond it an event may repeat).</summary>
    private const int CallStartCapacity = 100_000;

    private readonly AgentBase _agent;
    private readonly AgentSettings _settings;
    private readonly WebhookBaseResolver _urls;
    private readonly ILogger _logger;
    private readonly AgentAudit _audit;
    private readonly AgentMetrics _metrics;
    private readonly AgentRateLimits _limits;
    private readonly INonceStore _nonces;
    private readonly InMemoryNonceStore _callStarts;
    private readonly TimeProvider _time;
    private readonly BodyVerifier? _signatureCheck;
    private readonly string? _hsts;
    private readonly Microsoft.AspNetCore.HttpOverrides.ForwardedHeadersMiddleware? _forwarded;

    public AgentEndpoints(AgentBase agent, ILoggerFactory loggers, AgentAudit audit, AgentMetrics metrics, AgentRateLimits limits, INonceStore nonces, TimeProvider time)
    {
        _agent = agent;
        _settings = agent.Settings;
        _urls = new WebhookBaseResolver(_settings);
        _logger = loggers.CreateLogger(Log.Category);
        _forwarded = ForwardedHeaders.For(_settings, loggers);
        _audit = audit;
        _metrics = metrics;
        _limits = limits;
        _nonces = nonces;
        _callStarts = new InMemoryNonceStore(time, CallStartCapacity);
        _time = time;
        _signatureCheck = _settings.SigningKey is null ? null : CheckSignature;
        _hsts = SecurityHeaders.HstsValue(_settings);
    }

    public Task SwmlAsync(HttpContext context) => GuardAsync(context, "swml", static (self, ctx) => self.RenderSwmlAsync(ctx));

    public Task SwaigAsync(HttpContext context) => GuardAsync(context, "swaig", static (self, ctx) => self.DispatchToolAsync(ctx));

    public Task PostPromptAsync(HttpContext context) => GuardAsync(context, "post_prompt", static (self, ctx) => self.ReceiveSummaryAsync(ctx));

    public Task DebugEventsAsync(HttpContext context) => GuardAsync(context, AgentBase.DebugEventsRoute, static (self, ctx) => self.ReceiveDebugEventAsync(ctx));

    private ValueTask<(BodyStatus Status, JsonObject? Body)> ReadBodyAsync(HttpContext context) =>
        RequestBody.ReadJsonObjectAsync(context, _settings.MaxRequestBodySize, _signatureCheck);

    /// <summary>The body as a JSON object, or <see langword="null"/> after answering why it was refused.</summary>
    private async ValueTask<JsonObject?> ReadObjectOrRejectAsync(HttpContext context)
    {
        var (status, body) = await ReadBodyAsync(context).ConfigureAwait(false);
        if (status == BodyStatus.Ok)
        {
            return body;
        }

        await RejectBodyAsync(context, status).ConfigureAwait(false);
        return null;
    }

    /// <summary>Runs an author's callback; a failure (other than the client going away) is logged and reported as <see langword="false"/>.</summary>
    private static async ValueTask<bool> RunCallbackAsync(HttpContext context, Func<CancellationToken, ValueTask> callback, Action<Exception> logFailure)
    {
        try
        {
            await callback(context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            logFailure(ex);
            return false;
        }
    }

    private async Task RenderSwmlAsync(HttpContext context)
    {
        SwmlFetch? fetch = null;
        JsonObject? body = null;
        var service = _agent.Service;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            BodyStatus status;
            if (_agent.HasDynamicConfig || service?.HasRequestHandlers == true)
            {
                // Dynamic configuration handlers get the whole body.
                (status, body) = await ReadBodyAsync(context).ConfigureAwait(false);
                fetch = body is null ? null : SwmlFetch.FromBody(body);
            }
            else
            {
                (status, fetch) = await RequestBody.ReadAsync(context, _settings.MaxRequestBodySize, _signatureCheck, SwmlFetch.Parse).ConfigureAwait(false);
            }

            if (status is not (BodyStatus.Ok or BodyStatus.Empty))
            {
                await RejectBodyAsync(context, status).ConfigureAwait(false);
                return;
            }
        }
        else if (_signatureCheck is not null && !_signatureCheck(context, []))
        {
            // A GET carries no body, but its URL (query included) is signed like any other request.
            await RejectBodyAsync(context, BodyStatus.SignatureInvalid).ConfigureAwait(false);
            return;
        }

        var callId = fetch?.CallId ?? (context.Request.Query["call_id"].ToString() is { Length: > 0 } fromQuery ? fromQuery : null);
        if (fetch?.CallId is { } postedCallId)
        {
            await AuditCallStartAsync(postedCallId, fetch, context.RequestAborted).ConfigureAwait(false);
        }

        if (service is not null)
        {
            await RenderServiceAsync(context, service, body).ConfigureAwait(false);
            return;
        }

        var agent = await AgentForAsync(context, body).ConfigureAwait(false);
        var webhookBase = _urls.Resolve(context);
        await JsonResponses.WriteAsync(
            context,
            StatusCodes.Status200OK,
            (agent, webhookBase, callId),
            static (state, buffer) => AgentDocumentRenderer.Render(state.agent, state.webhookBase, state.callId, buffer)).ConfigureAwait(false);
    }

    private static async Task RenderServiceAsync(HttpContext context, Swml.SwmlService service, JsonObject? body)
    {
        using var buffer = new PooledBufferWriter();
        await service.RenderAsync(DynamicRequest(context, body), buffer, context.RequestAborted).ConfigureAwait(false);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, buffer.WrittenMemory).ConfigureAwait(false);
    }

    /// <summary>The shared agent, or a private copy configured for this request when dynamic configuration is registered.</summary>
    private ValueTask<AgentBase> AgentForAsync(HttpContext context, JsonObject? body) =>
        _agent.HasDynamicConfig
            ? _agent.ConfigureForRequestAsync(DynamicRequest(context, body), context.RequestAborted)
            : ValueTask.FromResult(_agent);

    private static AgentRequest DynamicRequest(HttpContext context, JsonObject? body)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            query[key] = value.ToString();
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in context.Request.Headers)
        {
            if (!SecretHeaders.Contains(key))
            {
                headers[key] = value.ToString();
            }
        }

        query.Remove(TokenQueryKey);
        query.Remove(LegacyTokenQueryKey);
        return new AgentRequest(query, body, headers);
    }

    private async ValueTask AuditCallStartAsync(string callId, SwmlFetch fetch, CancellationToken cancellationToken)
    {
        // A store that cannot answer does not suppress the audit event: a duplicate beats a gap.
        if (await _callStarts.RecordAsync(callId, _time.GetUtcNow().Add(CallMemory), cancellationToken).ConfigureAwait(false) != NonceOutcome.AlreadyUsed)
        {
            _audit.CallStart(callId, fetch.From, fetch.To);
        }
    }

    private async Task ReceiveSummaryAsync(HttpContext context)
    {
        if (await ReadObjectOrRejectAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var callId = body.GetString("call_id");
        if (!await CheckTokenAsync(context, AgentDocumentRenderer.PostPromptFunction, callId, oneTime: false).ConfigureAwait(false))
        {
            return;
        }

        var succeeded = await RunCallbackAsync(context, ct => _agent.OnSummaryAsync(new PostPromptSummary(body), ct),
            ex => Log.SummaryFailed(_logger, ex, LogText.Safe(callId))).ConfigureAwait(false);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, succeeded ? SummaryOk : SummaryFailed).ConfigureAwait(false);
    }

    private async Task ReceiveDebugEventAsync(HttpContext context)
    {
        if (await ReadObjectOrRejectAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var debugEvent = new DebugEvent(body);
        Log.DebugEventReceived(_logger, _agent.Name, LogText.Safe(debugEvent.EventType)!, LogText.Safe(debugEvent.CallId));
        await RunCallbackAsync(context, ct => _agent.OnDebugEventAsync(debugEvent, ct),
            ex => Log.DebugEventFailed(_logger, ex, LogText.Safe(debugEvent.EventType)!, LogText.Safe(debugEvent.CallId))).ConfigureAwait(false);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, DebugEventOk).ConfigureAwait(false);
    }

    private async ValueTask<bool> CheckTokenAsync(HttpContext context, string function, string? callId, bool oneTime)
    {
        var query = context.Request.Query;
        var token = query[TokenQueryKey].ToString();
        if (token.Length == 0)
        {
            token = query[LegacyTokenQueryKey].ToString();
        }

        var outcome = _settings.Tokens.Check(token, function, callId);
        var reason = outcome.ToString().ToLowerInvariant();
        if (outcome == TokenCheck.Valid && oneTime && _settings.OneTimeTokens)
        {
            // Single use fails closed: if the store cannot confirm the token is fresh, it is refused.
            var recorded = SwaigTokenService.TryReadIdentity(token, out var id, out var expiresAt)
                ? await _nonces.RecordAsync($"{_agent.Name}:token:{id}", expiresAt, context.RequestAborted).ConfigureAwait(false)
                : NonceOutcome.Unavailable;
            if (recorded != NonceOutcome.Recorded)
            {
                outcome = TokenCheck.Invalid;
                reason = recorded == NonceOutcome.AlreadyUsed ? "replayed" : "store_unavailable";
            }
        }

        if (outcome == TokenCheck.Valid)
        {
            return true;
        }

        var eventName = outcome switch
        {
            TokenCheck.Missing => AuditEvents.TokenMissing,
            TokenCheck.Expired => AuditEvents.TokenExpired,
            _ => AuditEvents.TokenInvalid,
        };
        _audit.TokenRefused(eventName, function, callId, context.Connection.RemoteIpAddress, reason);
        _metrics.TokenFailure(_agent.Name, function, reason);
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
                    // Unparsable raw arguments count as none; validation reports what is missing.
                }
            }
        }

        return request["arguments"] is JsonObject flat ? flat : [];
    }

    private static string SafePath(HttpContext context) => LogText.Safe(context.Request.Path.Value) ?? "/";

    private Task RejectBodyAsync(HttpContext context, BodyStatus status) => status switch
    {
        BodyStatus.TooLarge => RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large"),
        // Kestrel refused the body while it was read: the client's fault, worth one warning line.
        BodyStatus.BrokenFraming => RejectAsync(context, StatusCodes.Status400BadRequest, "Malformed request", warn: true),
        BodyStatus.TimedOut => RejectAsync(context, StatusCodes.Status408RequestTimeout, "Request body timed out", warn: true),
        BodyStatus.UnsupportedMediaType => RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json"),
        BodyStatus.SignatureInvalid => RejectAsync(context, StatusCodes.Status403Forbidden, "Forbidden"),
        BodyStatus.Empty or BodyStatus.NotAnObject => RejectAsync(context, StatusCodes.Status400BadRequest, "Request body must be a JSON object"),
        _ => RejectAsync(context, StatusCodes.Status400BadRequest, "Malformed JSON"),
    };

    private Task RejectAsync(HttpContext context, int status, string reason, bool warn = false)
    {
        if (warn)
        {
            Log.MalformedRequest(_logger, context.Request.Method, SafePath(context), status, reason);
        }
        else
        {
            Log.RequestRejected(_logger, context.Request.Method, SafePath(context), status, reason);
        }

        return JsonResponses.WriteErrorAsync(context, status, reason);
    }
}
