using System.Collections.Immutable;

namespace SignalWire.Agents.Pipeline;

/// <summary>
/// The gates of a tool call, in their one order. <see cref="Entry"/> answers the client (4xx) and is not counted as a
/// call; <see cref="Call"/> answers the AI (HTTP 200) and every call that reaches it is audited (<c>function_call</c>)
/// and counted with its duration. After them comes the handler, then the destination policy on its result.
/// </summary>
internal sealed class ToolGates
{
    public ToolGates(GateServices services)
    {
        Token = new TokenGate(services);
        Entry = [Token];
        Call =
        [
            new EmergencyGate(services),
            new RateLimitGate(services),
            new VerifiedCallerGate(services),
            new ValidationGate(services),
            new VerifyCallerGate(services),
            new ConfirmationGate(services),
        ];
    }

    /// <summary>The token gate, which the post-prompt URL shares.</summary>
    public TokenGate Token { get; }

    /// <summary>Gates whose refusals answer the client: the token.</summary>
    public ImmutableArray<ToolGate> Entry { get; }

    /// <summary>Gates whose refusals answer the AI: emergency switch, per-caller limit, verified caller, validation, <c>verify_caller</c>, confirmation.</summary>
    public ImmutableArray<ToolGate> Call { get; }

    /// <summary>Runs <paramref name="gates"/> in order over <paramref name="call"/>: the first outcome that stops it, or <see langword="null"/> when all pass.</summary>
    public static async ValueTask<ToolOutcome?> RunAsync(ImmutableArray<ToolGate> gates, ToolCall call, CancellationToken cancellationToken)
    {
        foreach (var gate in gates)
        {
            if (!gate.AppliesTo(call))
            {
                continue;
            }

            var span = gate.Span is { } name ? Telemetry.AgentTracing.StartGate(name) : null;
            var verdict = await gate.CheckAsync(call, cancellationToken).ConfigureAwait(false);
            Telemetry.AgentTracing.End(span, verdict.Decision);
            if (verdict.Outcome is { } outcome)
            {
                return outcome;
            }
        }

        return null;
    }
}
