namespace SignalWire.Relay.Calling;

/// <summary>A recording: pause, resume, stop, and its result (<see cref="ResultAsync"/>).</summary>
public sealed class RecordAction : RelayAction
{
    internal RecordAction(RelayCall call)
        : base(call, "record", "calling.call.record", "finished", "no_input")
    {
    }

    /// <summary>Pauses the recording.</summary>
    public Task PauseAsync(CancellationToken cancellationToken = default) => ControlAsync("pause", null, cancellationToken);

    /// <summary>Resumes the recording.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken = default) => ControlAsync("resume", null, cancellationToken);

    /// <summary>Waits until the recording is over and returns where it is.</summary>
    public async Task<RecordingResult> ResultAsync(CancellationToken cancellationToken = default)
    {
        var done = await WaitAsync(cancellationToken).ConfigureAwait(false);
        double? Number(string name) => done.Params[name] is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<double>() : null;
        return new RecordingResult(
            done.EventType == "calling.call.state" ? "ended" : done.Get("state") ?? "finished",
            Uri.TryCreate(done.Get("url"), UriKind.Absolute, out var url) ? url : null,
            Number("duration") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Number("size") is { } bytes ? (long)bytes : null);
    }
}
