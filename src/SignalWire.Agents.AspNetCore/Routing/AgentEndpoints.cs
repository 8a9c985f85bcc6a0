using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.AspNetCore.Diagnostics;
using SignalWire.Agents.AspNetCore.Http;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Pipeline;
using SignalWire.Agents.Swml;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>
/// The HTTP side of one agent: each route reads and answers HTTP and hands every decision to the agent's
/// <see cref="AgentPipeline"/> (the gates, in their documented order). Nothing written back contains an
/// exception message, a credential or a token.
/// </summary>
internal sealed partial class AgentEndpoints
{
    private const string TokenQueryKey = "__token";
    private const string LegacyTokenQueryKey = "token";

    private static readonly byte[] SummaryOk = """{"success":true}"""u8.ToArray();
    private static readonly byte[] SummaryFailed = """{"success":false}"""u8.ToArray();
    private static readonly byte[] DebugEventOk = """{"status":"ok"}"""u8.ToArray();

    /// <summary>Headers never handed to dynamic configuration: they carry credentials.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SecretHeaders = System.Collections.Frozen.FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-SignalWire-Signature", "X-Twilio-Signature");

    private readonly AgentBase _agent;
    private readonly AgentSettings _settings;
    private readonly AgentPipeline _pipeline;
    private readonly WebhookBaseResolver _urls;
    private readonly ILogger _logger;
    private readonly BodyVerifier? _signatureCheck;
    private readonly string? _hsts;
    private readonly Microsoft.AspNetCore.HttpOverrides.ForwardedHeadersMiddleware? _forwarded;

    private readonly Action<ReadOnlyMemory<byte>>? _inspectSwml;

    public AgentEndpoints(AgentPipeline pipeline, ILoggerFactory loggers, SwmlSchemaCheck? schemaCheck = null)
    {
        _inspectSwml = schemaCheck is null ? null : schemaCheck.Inspect;
        _pipeline = pipeline;
        _agent = pipeline.Agent;
        _settings = _agent.Settings;
        _urls = new WebhookBaseResolver(_settings);
        _logger = loggers.CreateLogger(Log.Category);
        _forwarded = ForwardedHeaders.For(_settings, loggers);
        _signatureCheck = pipeline.ChecksSignatures ? CheckSignature : null;
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

    private async Task RenderSwmlAsync(HttpContext context)
    {
        SwmlFetch? fetch = null;
        JsonObject? body = null;
        var service = _pipeline.Service;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            BodyStatus status;
            if (_agent.HasDynamicConfig || service?.HasRequestHandlers == true || SipRouter is not null)
            {
                // Dynamic configuration handlers get the whole body (and so may the agent a SIP call is routed to).
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

        if (SipRouter is { } router && fetch?.To is not null && router(fetch) is { } target && !ReferenceEquals(target, this))
        {
            // The call is for another agent on the same server: it answers, if these credentials are good for it too
            // (its document carries its own credentials in every webhook URL).
            if (target.CredentialsOf(context) is var match and not Security.CredentialMatch.None)
            {
                // Whichever password the target accepted is the one its document may carry.
                PresentedCredential.Mark(context, match == Security.CredentialMatch.Previous);
                Log.SipRouted(_logger, _agent.Name, target._agent.Name, LogText.Safe(fetch.CallId));
                await target.RenderAsync(context, fetch, body).ConfigureAwait(false);
                return;
            }

            Log.SipRouteRefused(_logger, _agent.Name, target._agent.Name);
        }

        await RenderAsync(context, fetch, body).ConfigureAwait(false);
    }

    /// <summary>
    /// Routes a SWML fetch by the SIP or tel URI it was made to, for agents on an <c>AgentServer</c> with SIP
    /// routing: the handlers of the agent the call is for, or <see langword="null"/> to answer here.
    /// </summary>
    internal Func<SwmlFetch, AgentEndpoints?>? SipRouter { get; set; }

    /// <summary>Which of this agent's passwords the request carries, if its host rules allow it at all (already admitted by another agent).</summary>
    private Security.CredentialMatch CredentialsOf(HttpContext context) =>
        _pipeline.IsHostAllowed(context.Request.Host.Host) ? _settings.BasicAuth.Match(context.Request.Headers.Authorization.ToString()) : Security.CredentialMatch.None;

    /// <summary>Answers an SWML fetch whose body has been read and checked: the call limit, then the document.</summary>
    private async Task RenderAsync(HttpContext context, SwmlFetch? fetch, JsonObject? body)
    {
        var service = _pipeline.Service;
        var callId = fetch?.CallId ?? (context.Request.Query["call_id"].ToString() is { Length: > 0 } fromQuery ? fromQuery : null);
        // Every fetch that names a call is admitted, a GET with ?call_id= too (tokens are minted for that call): a fetch
        // without a caller number counts under the shared no-number key.
        if (callId is not null
            && !await _pipeline.AdmitCallAsync(callId, fetch?.From, fetch?.To, fetch?.Direction, context.RequestAborted).ConfigureAwait(false))
        {
            // Over the per-caller call limit: the platform gets a valid document that hangs up.
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, AgentPipeline.CallLimitedDocument).ConfigureAwait(false);
            return;
        }

        if (service is not null)
        {
            await RenderServiceAsync(context, service, body).ConfigureAwait(false);
            return;
        }

        var agent = await AgentForAsync(context, body).ConfigureAwait(false);
        // Admitted with the previous password of a rotation: the document carries that one, never the current one.
        var webhookBase = PresentedCredential.IsPrevious(context) ? _urls.Resolve(context, _settings.BasicAuth.PreviousCredentials!) : _urls.Resolve(context);
        await JsonResponses.WriteAsync(
            context,
            StatusCodes.Status200OK,
            (agent, webhookBase, callId),
            static (state, buffer) => AgentDocumentRenderer.Render(state.agent, state.webhookBase, state.callId, buffer),
            _inspectSwml).ConfigureAwait(false);
    }

    private async Task RenderServiceAsync(HttpContext context, Swml.SwmlService service, JsonObject? body)
    {
        using var buffer = new PooledBufferWriter();
        await service.RenderAsync(DynamicRequest(context, body), buffer, context.RequestAborted).ConfigureAwait(false);
        _inspectSwml?.Invoke(buffer.WrittenMemory);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, buffer.WrittenMemory).ConfigureAwait(false);
    }

    /// <summary>The shared agent, or a private copy configured for this request when dynamic configuration is registered.</summary>
    private ValueTask<AgentBase> AgentForAsync(HttpContext context, JsonObject? body) =>
        _pipeline.AgentForRequestAsync(_agent.HasDynamicConfig ? DynamicRequest(context, body) : null, context.RequestAborted);

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

    private async Task ReceiveSummaryAsync(HttpContext context)
    {
        if (await ReadObjectOrRejectAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var succeeded = await _pipeline.ReceiveSummaryAsync(body, TokenOf(context), context.Connection.RemoteIpAddress, context.RequestAborted).ConfigureAwait(false);
        if (succeeded is not { } ran)
        {
            await RejectAsync(context, StatusCodes.Status403Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, ran ? SummaryOk : SummaryFailed).ConfigureAwait(false);
    }

    private async Task ReceiveDebugEventAsync(HttpContext context)
    {
        if (await ReadObjectOrRejectAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        await _pipeline.ReceiveDebugEventAsync(body, context.RequestAborted).ConfigureAwait(false);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, DebugEventOk).ConfigureAwait(false);
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
