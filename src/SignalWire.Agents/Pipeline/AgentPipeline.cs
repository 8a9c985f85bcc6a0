using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Auditing;
using SignalWire.Agents.Metrics;
using SignalWire.Agents.RateLimiting;
using SignalWire.Agents.Security;
using SignalWire.Agents.Json;

namespace SignalWire.Agents.Pipeline;

/// <summary>
/// Every security gate of one agent, independent of the host. A host (Kestrel, a function, a test harness)
/// turns its request into these calls and their outcomes into its responses; it decides nothing itself.
/// </summary>
/// <remarks>
/// The order for every request: <see cref="RecordRequest"/>, <see cref="IsHostAllowed"/>, <see cref="AdmitAsync(string?, IPAddress?, string, string, CancellationToken)"/>
/// (per-IP ceiling, failed-login block, Basic Auth), <see cref="VerifySignature"/> over the exact body bytes.
/// Then per route: <see cref="InvokeToolAsync"/> (function name, known function, secure token and single use,
/// emergency switch, per-caller limit, argument validation, confirmation, handler),
/// <see cref="ReceiveSummaryAsync"/> (token, handler) or <see cref="ReceiveDebugEventAsync"/>. Each refusal is an
/// audit event and a metric; nothing returned carries an exception message, a credential or a token.
/// </remarks>
public sealed partial class AgentPipeline : IAsyncDisposable
{
    /// <summary>Log category of the pipeline's own messages.</summary>
    public const string LogCategory = "SignalWire.Agents";

    /// <summary>Calls remembered for <c>call_start</c> de-duplication (per process; beyond it an event may repeat).</summary>
    private const int CallStartCapacity = 100_000;

    private static readonly TimeSpan CallMemory = TimeSpan.FromHours(4);
    private static readonly Lazy<AgentMetrics> FallbackMetrics = new(() => new AgentMetrics(new System.Diagnostics.Metrics.Meter(AgentMetrics.MeterName)));

    private readonly AgentBase _agent;
    private readonly AgentSettings _settings;
    private readonly ILogger _logger;
    private readonly AgentAudit _audit;
    private readonly AgentMetrics _metrics;
    private readonly AgentRateLimits _limits;
    private readonly INonceStore _nonces;
    private readonly RecentKeyTable _callStarts;
    private readonly TimeProvider _time;
    private readonly CallerVerificationGate _verification;
    private readonly DestinationGuard _destinations;
    private readonly Func<string?, CredentialMatch> _matchBasicAuth;
    private readonly ToolGates _gates;

    /// <summary>Builds the gates of <paramref name="agent"/> (whose configuration must be valid).</summary>
    /// <exception cref="AgentConfigurationException">The agent's configuration is unusable.</exception>
    public AgentPipeline(AgentBase agent, AgentPipelineServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        services ??= new AgentPipelineServices();
        _agent = agent;
        _settings = agent.Settings;
        var basicAuth = _settings.BasicAuth;
        _matchBasicAuth = authorization => basicAuth.Match(authorization);
        _time = services.Time;
        _logger = services.Loggers.CreateLogger(LogCategory);
        _audit = new AgentAudit(agent.Name, services.Loggers, _settings, _time);
        _metrics = services.Metrics ?? FallbackMetrics.Value;
        var rateLimits = services.RateLimits ?? new InMemoryRateLimitStore(_time);
        _limits = new AgentRateLimits(rateLimits, _settings);
        _nonces = services.Nonces ?? new InMemoryNonceStore(_time);
        _callStarts = new RecentKeyTable(CallStartCapacity);
        _verification = new CallerVerificationGate(agent.Name, _settings, services.CallState ?? new InMemoryCallStateStore(_time), rateLimits, _audit, _metrics, _logger, _time);
        _destinations = new DestinationGuard(agent.Name, _settings.Destinations, rateLimits, _audit, _metrics);
        _gates = new ToolGates(new GateServices(agent, _settings, _audit, _metrics, _limits, _nonces, _verification, _destinations, _logger));
        EnsureVerifierForTools(agent);
        if (agent.CallEndWithoutConversation)
        {
            PipelineLog.CallEndWithoutConversation(_logger, agent.Name);
        }
    }

    /// <summary>
    /// Builds the gates of a SWML service: the same admission, signatures, limits and audit as an agent; it
    /// has no tools, summary or debug events, and its document comes from <see cref="Service"/>.
    /// </summary>
    /// <exception cref="AgentConfigurationException">The service's configuration is unusable.</exception>
    public AgentPipeline(Swml.SwmlService service, AgentPipelineServices? services = null)
        : this((service ?? throw new ArgumentNullException(nameof(service))).Host, services)
    {
        Service = service;
    }

    /// <summary>
    /// The agent whose gates these are; for a <see cref="Service"/>, the agent-shaped carrier of its settings
    /// (same name, route and credentials; no prompt or tools).
    /// </summary>
    public AgentBase Agent => _agent;

    /// <summary>The SWML service served through these gates, or <see langword="null"/> for an agent.</summary>
    public Swml.SwmlService? Service { get; }

    /// <summary>Counts a request to <paramref name="endpoint"/> (<c>swml</c>, <c>swaig</c>, ...).</summary>
    public void RecordRequest(string endpoint) => _metrics.Request(_agent.Name, endpoint);

    /// <summary>Whether the agent answers to <paramref name="host"/>: exact names (any case) or <c>*.domain</c> wildcards; any host when none are configured.</summary>
    public bool IsHostAllowed(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _settings.AllowedHosts.Count == 0 || HostPatterns.Matches(host, _settings.AllowedHosts);
    }

    /// <summary>
    /// The per-IP ceiling (when configured), the failed-login block and Basic Auth, in that order. A failed
    /// login counts against the client (and every agent sharing these credentials) and is audited.
    /// </summary>
    /// <remarks>
    /// A request that presented the previous password of a rotation is admitted with
    /// <see cref="AdmissionOutcome.WithPreviousCredential"/> set: anything answered to it must carry that password, never
    /// the current one.
    /// </remarks>
    public ValueTask<AdmissionOutcome> AdmitAsync(string? authorization, IPAddress? client, string method, string path, CancellationToken cancellationToken = default) =>
        AdmitMatchingAsync(authorization, _matchBasicAuth, client, method, path, cancellationToken);

    /// <summary>
    /// The same gates as <see cref="AdmitAsync(string?, IPAddress?, string, string, CancellationToken)"/> with another
    /// credential check in place of Basic Auth, for a side door with its own credential (a bearer token for MCP, say):
    /// the per-IP ceiling and the failed-login block still apply, and a refused credential counts and is audited.
    /// </summary>
    public ValueTask<AdmissionOutcome> AdmitAsync(string? authorization, Func<string?, bool> verifyAuthorization, IPAddress? client, string method, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifyAuthorization);
        return AdmitMatchingAsync(authorization, value => verifyAuthorization(value) ? CredentialMatch.Current : CredentialMatch.None, client, method, path, cancellationToken);
    }

    private async ValueTask<AdmissionOutcome> AdmitMatchingAsync(string? authorization, Func<string?, CredentialMatch> matchAuthorization, IPAddress? client, string method, string path, CancellationToken cancellationToken)
    {
        var gate = Telemetry.AgentTracing.StartGate("signalwire.gate.admission");
        var outcome = await AdmitCoreAsync(authorization, matchAuthorization, client, method, path, cancellationToken).ConfigureAwait(false);
        Telemetry.AgentTracing.End(gate, outcome.Decision switch
        {
            Admission.Admitted => Telemetry.AgentTracing.Pass,
            Admission.Unauthorized => "unauthorized",
            Admission.LockedOut => "locked_out",
            _ => "limited",
        });
        return outcome;
    }

    private async ValueTask<AdmissionOutcome> AdmitCoreAsync(string? authorization, Func<string?, CredentialMatch> matchAuthorization, IPAddress? client, string method, string path, CancellationToken cancellationToken)
    {
        var key = ClientKey(client);
        if (_limits.PerIp is { } perIp)
        {
            using var lease = await perIp.AcquireAsync(key, 1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                return TooMany(Admission.TooManyRequests, "ip", lease, client);
            }
        }

        using (var blocked = await _limits.AuthFailures.AcquireAsync(key, 0, cancellationToken).ConfigureAwait(false))
        {
            if (!blocked.IsAcquired)
            {
                return TooMany(Admission.LockedOut, "auth", blocked, client);
            }
        }

        switch (matchAuthorization(authorization))
        {
            case CredentialMatch.Current:
                return new AdmissionOutcome(Admission.Admitted);
            case CredentialMatch.Previous:
                return new AdmissionOutcome(Admission.Admitted, WithPreviousCredential: true);
        }

        (await _limits.AuthFailures.AcquireAsync(key, 1, cancellationToken).ConfigureAwait(false)).Dispose();
        _audit.AuthFailed(client, method, path);
        _metrics.AuthFailure(_agent.Name);
        return new AdmissionOutcome(Admission.Unauthorized);
    }

    /// <summary>
    /// Checks the webhook signature (when a signing key is configured) over <paramref name="publicUrl"/> (the
    /// URL the platform called, path and query as sent) and the exact body bytes; a failure is audited.
    /// </summary>
    public bool VerifySignature(string? signature, string publicUrl, ReadOnlySpan<byte> body, string path, IPAddress? client)
    {
        if (_settings.SigningKey is not { } key)
        {
            return true;
        }

        var gate = Telemetry.AgentTracing.StartGate("signalwire.gate.signature");
        if (WebhookSignature.IsValid(key, signature, publicUrl, body, isForm: false, _settings.AllowSignatureWithoutBody)
            || (_settings.PreviousSigningKey is { } previous && (_settings.PreviousSigningKeyUntil is not { } until || _time.GetUtcNow() < until)
                && WebhookSignature.IsValid(previous, signature, publicUrl, body, isForm: false, _settings.AllowSignatureWithoutBody)))
        {
            Telemetry.AgentTracing.End(gate, Telemetry.AgentTracing.Pass);
            return true;
        }

        Telemetry.AgentTracing.End(gate, string.IsNullOrEmpty(signature) ? "missing" : "mismatch");

        _audit.SignatureInvalid(path, client, string.IsNullOrEmpty(signature) ? "missing" : "mismatch");
        _metrics.SignatureFailure(_agent.Name);
        return false;
    }

    /// <summary>Whether signatures are checked (a signing key is configured).</summary>
    public bool ChecksSignatures => _settings.SigningKey is not null;

    /// <summary>Audits the first sighting of a call (an SWML fetch); later fetches of the same call are not repeated.</summary>
    public async ValueTask RecordCallStartAsync(string callId, string? from, string? to, CancellationToken cancellationToken = default) =>
        await AdmitCallAsync(callId, from, to, direction: null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Records the first sighting of a call (an SWML fetch) and applies the per-caller call limit
    /// (<see cref="AgentSettings.CallsPerCaller"/>) to new inbound calls: <see langword="false"/> when
    /// <paramref name="from"/> has placed too many calls in the window, in which case the call should be hung up
    /// (<see cref="CallLimitedDocument"/>). The caller is counted under its normalised number
    /// (<see cref="Verification.CallerNumber"/>); calls without a usable number share one key with its own limit
    /// (<see cref="AgentSettings.CallsWithoutCallerNumber"/>). Outbound calls and later fetches of a known call are not counted.
    /// </summary>
    public async ValueTask<bool> AdmitCallAsync(string callId, string? from, string? to, string? direction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        if (!_callStarts.TryRecord(callId, now.Add(CallMemory).UtcTicks, now.UtcTicks))
        {
            return true;
        }

        _audit.CallStart(callId, from, to);
        if (string.Equals(direction, "outbound", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var caller = Verification.CallerNumber.Normalize(from);
        if ((caller is null ? _limits.NewCallsWithoutNumber : _limits.NewCalls) is not { } limiter)
        {
            return true;
        }

        using var lease = await limiter.AcquireAsync(caller ?? Verification.CallerNumber.NoNumberKey, 1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return true;
        }

        _audit.CallLimited(callId, from);
        _metrics.RateLimited(_agent.Name, "calls");
        return false;
    }

    /// <summary>The SWML answered to a call over the per-caller call limit: hang up as busy.</summary>
    public static ReadOnlyMemory<byte> CallLimitedDocument { get; } = """{"version":"1.0.0","sections":{"main":[{"hangup":{"reason":"busy"}}]}}"""u8.ToArray();

    /// <summary>
    /// The agent for one request: the shared agent, or, when per-request configuration is registered, a private
    /// copy configured from <paramref name="details"/>. A configuration handler's exception propagates.
    /// </summary>
    public ValueTask<AgentBase> AgentForRequestAsync(AgentRequest? details, CancellationToken cancellationToken = default) =>
        _agent.HasDynamicConfig
            ? _agent.ConfigureForRequestAsync(details ?? new AgentRequest(new Dictionary<string, string>(), null, new Dictionary<string, string>()), cancellationToken)
            : ValueTask.FromResult(_agent);

    /// <summary>Receives a debug event: logged, then handed to the agent's handler (whose failure is logged, never answered).</summary>
    public async ValueTask ReceiveDebugEventAsync(JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var debugEvent = new DebugEvent(body);
        PipelineLog.DebugEventReceived(_logger, _agent.Name, LogText.Safe(debugEvent.EventType)!, LogText.Safe(debugEvent.CallId));
        await RunCallbackAsync(ct => _agent.OnDebugEventAsync(debugEvent, ct),
            ex => PipelineLog.DebugEventFailed(_logger, ex, LogText.Safe(debugEvent.EventType)!, LogText.Safe(debugEvent.CallId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Receives the end-of-call summary: the post-prompt token must be valid for the call; then the agent's
    /// handler runs. <see langword="null"/> when the token was refused (403), else whether the handler succeeded.
    /// </summary>
    public async ValueTask<bool?> ReceiveSummaryAsync(JsonObject body, string? token, IPAddress? client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var callId = body.GetString("call_id");
        if (!await _gates.Token.CheckAsync(Swml.AgentDocumentRenderer.PostPromptFunction, token, callId, client, oneTime: false, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (callId is not null && _agent.CallerVerification is not null)
        {
            // The call is over: its verification ends with it.
            await _verification.ForgetAsync(callId, cancellationToken).ConfigureAwait(false);
        }

        return await RunCallbackAsync(ct => _agent.OnSummaryAsync(new PostPromptSummary(body), ct),
            ex => PipelineLog.SummaryFailed(_logger, ex, LogText.Safe(callId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drains the audit file once requests have finished. (The limiters belong to their store, which may serve other agents.)</summary>
    public ValueTask DisposeAsync() => _audit.DisposeAsync();

    /// <summary>The client's key: an IPv4 address reached over IPv6 (<c>::ffff:a.b.c.d</c>) is the same client as <c>a.b.c.d</c>.</summary>
    internal static string ClientKey(IPAddress? ip) => ip is null ? "unknown" : (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();

    private AdmissionOutcome TooMany(Admission decision, string scope, System.Threading.RateLimiting.RateLimitLease lease, IPAddress? client)
    {
        _audit.RateLimited(scope, null, null, client);
        _metrics.RateLimited(_agent.Name, scope);
        return new AdmissionOutcome(decision, AgentRateLimits.RetryAfterSeconds(lease));
    }

    /// <summary>Runs an author's callback; a failure (other than cancellation of the request) is logged and reported as <see langword="false"/>.</summary>
    private static async ValueTask<bool> RunCallbackAsync(Func<CancellationToken, ValueTask> callback, Action<Exception> logFailure, CancellationToken cancellationToken)
    {
        try
        {
            await callback(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logFailure(ex);
            return false;
        }
    }
}
