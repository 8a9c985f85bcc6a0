namespace SignalWire.Agents.Pipeline;

/// <summary>
/// One gate of a tool call. Gates stand in one immutable ordered list (<see cref="ToolGates"/>); the pipeline runs
/// them in order, each in its own span when traced, and stops at the first that does not pass. A gate audits and
/// counts its own refusals; it never touches the transport.
/// </summary>
/// <param name="span">The span's name (<c>signalwire.gate.…</c>), or <see langword="null"/> for a gate that is not traced.</param>
internal abstract class ToolGate(string? span)
{
    /// <summary>The span's name, or <see langword="null"/>.</summary>
    public string? Span { get; } = span;

    /// <summary>Whether the gate concerns this call at all (a gate that does not is skipped, with no span).</summary>
    public virtual bool AppliesTo(ToolCall call) => true;

    /// <summary>Passes the call, or stops it with the outcome the caller gets.</summary>
    public abstract ValueTask<GateVerdict> CheckAsync(ToolCall call, CancellationToken cancellationToken);
}
