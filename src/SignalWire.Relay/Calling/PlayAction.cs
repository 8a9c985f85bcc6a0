using System.Text.Json.Nodes;

namespace SignalWire.Relay.Calling;

/// <summary>Playback (or recording) that can be paused, resumed and, for playback, made louder or softer.</summary>
public sealed class PlayAction : RelayAction
{
    internal PlayAction(RelayCall call, string command, string eventType, params string[] terminalStates)
        : base(call, command, eventType, terminalStates)
    {
    }

    /// <summary>Pauses it.</summary>
    public Task PauseAsync(CancellationToken cancellationToken = default) => ControlAsync("pause", null, cancellationToken);

    /// <summary>Resumes it.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken = default) => ControlAsync("resume", null, cancellationToken);

    /// <summary>Sets the volume in dB (-40 to 40).</summary>
    public Task VolumeAsync(double volume, CancellationToken cancellationToken = default) => ControlAsync("volume", new JsonObject { ["volume"] = volume }, cancellationToken);
}
