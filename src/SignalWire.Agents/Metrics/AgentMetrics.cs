using System.Diagnostics.Metrics;

namespace SignalWire.Agents.Metrics;

/// <summary>
/// The SDK's metrics, on the <see cref="System.Diagnostics.Metrics.Meter"/> named <see cref="MeterName"/>:
/// ready for OpenTelemetry (<c>AddMeter(AgentMetrics.MeterName)</c>) or <c>dotnet-counters</c>, with no
/// dependency on either. Every instrument but <see cref="UntrackedCallersInstrument"/> carries the <c>agent</c> tag.
/// </summary>
public sealed class AgentMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "SignalWire.Agents";

    /// <summary>The process-wide counter of callers an in-memory rate limiter could not track (its table was full); it has no <c>agent</c> tag.</summary>
    public const string UntrackedCallersInstrument = "signalwire.agents.rate_limit.untracked";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _tokenFailures;
    private readonly Counter<long> _signatureFailures;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _validationFailures;
    private readonly Counter<long> _emergencyBlocks;
    private readonly Counter<long> _functionCalls;
    private readonly Counter<long> _verifications;
    private readonly Counter<long> _destinationsBlocked;
    private readonly Histogram<double> _functionDuration;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public AgentMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _requests = meter.CreateCounter<long>("signalwire.agents.requests", "{request}", "Webhook requests received, by endpoint.");
        _authFailures = meter.CreateCounter<long>("signalwire.agents.auth.failures", "{request}", "Requests refused by Basic Auth.");
        _tokenFailures = meter.CreateCounter<long>("signalwire.agents.token.failures", "{request}", "Secure-tool calls refused for their token, by reason.");
        _signatureFailures = meter.CreateCounter<long>("signalwire.agents.signature.failures", "{request}", "Requests refused for a missing or wrong webhook signature.");
        _rateLimited = meter.CreateCounter<long>("signalwire.agents.rate_limited", "{request}", "Requests refused by a rate limit, by scope.");
        _validationFailures = meter.CreateCounter<long>("signalwire.agents.validation.failures", "{call}", "Tool calls whose arguments failed the schema.");
        _emergencyBlocks = meter.CreateCounter<long>("signalwire.agents.emergency.blocks", "{call}", "Tool calls blocked by emergency mode.");
        _functionCalls = meter.CreateCounter<long>("signalwire.agents.function.calls", "{call}", "Tool calls, by function and outcome.");
        _verifications = meter.CreateCounter<long>("signalwire.agents.verification", "{event}", "Caller verification events (verified, failed, locked, code_sent, required), by outcome.");
        _destinationsBlocked = meter.CreateCounter<long>("signalwire.agents.destination.blocked", "{action}", "Actions removed from tool results by the destination policy, by reason.");
        _functionDuration = meter.CreateHistogram<double>("signalwire.agents.function.duration", "s", "Time spent in tool handlers.");
        meter.CreateObservableCounter(UntrackedCallersInstrument, static () => RateLimiting.CompactFixedWindowLimiter.Untracked, "{request}", "New callers let through unlimited because an in-memory rate-limit table was full (whole process; not zero means a flood of distinct callers).");
    }

    internal void Request(string agent, string endpoint) => _requests.Add(1, new("agent", agent), new("endpoint", endpoint));

    internal void AuthFailure(string agent) => _authFailures.Add(1, new KeyValuePair<string, object?>("agent", agent));

    internal void TokenFailure(string agent, string function, string reason) =>
        _tokenFailures.Add(1, new("agent", agent), new("function", function), new("reason", reason));

    internal void SignatureFailure(string agent) => _signatureFailures.Add(1, new KeyValuePair<string, object?>("agent", agent));

    internal void RateLimited(string agent, string scope) => _rateLimited.Add(1, new("agent", agent), new("scope", scope));

    internal void ValidationFailure(string agent, string function) => _validationFailures.Add(1, new("agent", agent), new("function", function));

    internal void EmergencyBlock(string agent, string function) => _emergencyBlocks.Add(1, new("agent", agent), new("function", function));

    internal void Verification(string agent, string outcome) => _verifications.Add(1, new("agent", agent), new("outcome", outcome));

    internal void DestinationBlocked(string agent, string reason) => _destinationsBlocked.Add(1, new("agent", agent), new("reason", reason));

    internal void FunctionCall(string agent, string function, string outcome, double seconds)
    {
        _functionCalls.Add(1, new("agent", agent), new("function", function), new("outcome", outcome));
        if (outcome is "success" or "error")
        {
            _functionDuration.Record(seconds, new("agent", agent), new("function", function));
        }
    }
}
