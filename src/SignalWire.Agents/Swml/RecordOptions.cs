using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Swml;

/// <summary>Options of the <c>record</c> and <c>record_call</c> verbs; unset values take the platform's defaults.</summary>
public sealed record RecordOptions
{
    /// <summary>Record the two sides on separate channels.</summary>
    public bool? Stereo { get; init; }

    /// <summary><c>wav</c>, <c>mp3</c> or <c>mp4</c>.</summary>
    public string? Format { get; init; }

    /// <summary>Which audio to record.</summary>
    public AudioDirection? Direction { get; init; }

    /// <summary>Play a beep first.</summary>
    public bool? Beep { get; init; }

    /// <summary>DTMF digits that end the recording.</summary>
    public string? Terminators { get; init; }

    /// <summary>Seconds of silence that end the recording.</summary>
    public double? EndSilenceTimeout { get; init; }

    /// <summary>Longest recording, in seconds.</summary>
    public double? MaxLength { get; init; }

    /// <summary>Where recording status events are posted.</summary>
    public Uri? StatusUrl { get; init; }

    internal JsonObject ToJson()
    {
        if (Format is not null and not ("wav" or "mp3" or "mp4"))
        {
            throw new ArgumentException($"Recording format '{Format}' must be wav, mp3 or mp4.", nameof(Format));
        }

        var json = new JsonObject();
        AddIf(json, "stereo", Stereo);
        AddIf(json, "format", Format);
        AddIf(json, "direction", Direction?.ToString().ToLowerInvariant());
        AddIf(json, "terminators", Terminators);
        AddIf(json, "beep", Beep);
        AddIf(json, "end_silence_timeout", EndSilenceTimeout);
        AddIf(json, "max_length", MaxLength);
        AddIf(json, "status_url", StatusUrl?.ToString());
        return json;
    }
}
