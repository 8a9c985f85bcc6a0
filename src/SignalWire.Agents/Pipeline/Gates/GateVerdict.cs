namespace SignalWire.Agents.Pipeline;

/// <summary>What a gate decided: go on, or stop with an outcome; <see cref="Decision"/> is the span's decision tag.</summary>
internal readonly record struct GateVerdict(string Decision, ToolOutcome? Outcome)
{
    public static GateVerdict Pass { get; } = new(Telemetry.AgentTracing.Pass, null);

    public static GateVerdict Stop(string decision, ToolOutcome outcome) => new(decision, outcome);
}
