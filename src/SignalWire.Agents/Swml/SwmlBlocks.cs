using System.Text.Json.Nodes;
using static SignalWire.Agents.Json.JsonBuilding;

namespace SignalWire.Agents.Swml;

/// <summary>The branches of a <c>switch</c> verb: one list of verbs per value, and a default.</summary>
public sealed class SwmlSwitch
{
    private readonly JsonObject _cases = [];
    private JsonArray? _default;

    /// <summary>Verbs to run when the variable equals <paramref name="value"/>.</summary>
    public SwmlSwitch Case(string value, Action<SwmlSection> verbs)
    {
        ArgumentNullException.ThrowIfNull(value);
        _cases[value] = SwmlSection.Block(verbs);
        return this;
    }

    /// <summary>Verbs to run when no case matches.</summary>
    public SwmlSwitch Default(Action<SwmlSection> verbs)
    {
        _default = SwmlSection.Block(verbs);
        return this;
    }

    internal JsonObject ToJson(string variable)
    {
        if (_cases.Count == 0)
        {
            throw new InvalidOperationException("A switch needs at least one case.");
        }

        var json = new JsonObject { ["variable"] = variable, ["case"] = _cases.DeepClone() };
        if (_default is not null)
        {
            json["default"] = _default.DeepClone();
        }

        return json;
    }
}

/// <summary>The branches of a <c>cond</c> verb: JavaScript conditions tried in order, then an else.</summary>
public sealed class SwmlCond
{
    private readonly JsonArray _branches = [];
    private bool _hasElse;

    /// <summary>Verbs to run when <paramref name="condition"/> (JavaScript over the call's variables) is true.</summary>
    public SwmlCond When(string condition, Action<SwmlSection> verbs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(condition);
        if (_hasElse)
        {
            throw new InvalidOperationException("Else must be the last branch of a cond.");
        }

        _branches.Add((JsonNode)new JsonObject { ["when"] = condition, ["then"] = SwmlSection.Block(verbs) });
        return this;
    }

    /// <summary>Verbs to run when no condition holds.</summary>
    public SwmlCond Else(Action<SwmlSection> verbs)
    {
        _branches.Add((JsonNode)new JsonObject { ["else"] = SwmlSection.Block(verbs) });
        _hasElse = true;
        return this;
    }

    internal JsonArray ToJson() => _branches.Count > 0 ? (JsonArray)_branches.DeepClone() : throw new InvalidOperationException("A cond needs at least one branch.");
}

/// <summary>Why a call is hung up.</summary>
public enum HangupReason
{
    /// <summary>A normal hang-up.</summary>
    Hangup,

    /// <summary>Busy.</summary>
    Busy,

    /// <summary>Declined.</summary>
    Decline,
}

/// <summary>Which audio a recording or tap takes.</summary>
public enum AudioDirection
{
    /// <summary>What the call sends (the far end hears).</summary>
    Speak,

    /// <summary>What the call receives.</summary>
    Listen,

    /// <summary>Both.</summary>
    Both,
}

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
