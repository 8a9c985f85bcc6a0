using System.Text.Json.Nodes;

namespace SignalWire.Relay.Calling;

/// <summary>What <see cref="RelayCall.PlayAsync"/> plays: <c>{"type": ..., "params": {...}}</c> objects.</summary>
public static class Media
{
    /// <summary>Speech for <paramref name="text"/>.</summary>
    public static JsonObject Tts(string text, string? language = null, string? voice = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parameters = new JsonObject { ["text"] = text };
        if (language is not null)
        {
            parameters["language"] = language;
        }

        if (voice is not null)
        {
            parameters["voice"] = voice;
        }

        return new JsonObject { ["type"] = "tts", ["params"] = parameters };
    }

    /// <summary>An audio file.</summary>
    public static JsonObject Audio(Uri url) => new() { ["type"] = "audio", ["params"] = new JsonObject { ["url"] = (url ?? throw new ArgumentNullException(nameof(url))).ToString() } };

    /// <summary>Silence for <paramref name="seconds"/>.</summary>
    public static JsonObject Silence(double seconds) => new() { ["type"] = "silence", ["params"] = new JsonObject { ["duration"] = seconds } };

    /// <summary>A country's ringback tone (<c>us</c>, <c>uk</c>...).</summary>
    public static JsonObject Ringtone(string name, double? seconds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var parameters = new JsonObject { ["name"] = name };
        if (seconds is { } duration)
        {
            parameters["duration"] = duration;
        }

        return new JsonObject { ["type"] = "ringtone", ["params"] = parameters };
    }
}
