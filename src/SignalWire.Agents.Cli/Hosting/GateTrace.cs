using System.Diagnostics;
using SignalWire.Agents.Telemetry;

namespace SignalWire.Agents.Cli.Hosting;

/// <summary>
/// <c>--verbose</c>: prints each pipeline gate's decision as the request passes it (from the SDK's own spans,
/// <see cref="AgentTracing"/>), so a refusal names the gate that made it: <c>gate token: refused</c>.
/// </summary>
internal sealed class GateTrace : IDisposable
{
    private const string GatePrefix = "signalwire.gate.";

    private readonly ActivityListener _listener;
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();

    private GateTrace(TextWriter writer)
    {
        _writer = writer;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgentTracing.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Write,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts printing to <paramref name="writer"/> until disposed.</summary>
    public static GateTrace Start(TextWriter writer) => new(writer);

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Write(Activity activity)
    {
        var decision = activity.GetTagItem(AgentTracing.DecisionAttribute) as string;
        var line = activity.OperationName switch
        {
            "signalwire.tool_call" => $"call {activity.GetTagItem(AgentTracing.FunctionAttribute)}: {activity.GetTagItem(AgentTracing.OutcomeAttribute)}",
            "signalwire.handler" => $"handler: {decision}",
            var name when name.StartsWith(GatePrefix, StringComparison.Ordinal) => $"gate {name[GatePrefix.Length..]}: {decision}",
            _ => null,
        };
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _writer.WriteLine(line);
        }
    }
}
