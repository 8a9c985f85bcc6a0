using System.Globalization;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Calling;

/// <summary>
/// What a live call plays, in the shape the platform takes over REST (<c>calling.play</c>) and RELAY alike:
/// <c>{"type": "tts" | "audio" | "silence" | "ringtone", "params": {...}}</c>.
/// </summary>
public static class CallMedia
{
    /// <summary>Speech for <paramref name="text"/>, in <paramref name="language"/> (<c>en-US</c>), <paramref name="voice"/> and <paramref name="gender"/> where given.</summary>
    public static JsonObject Tts(string text, string? language = null, string? voice = null, string? gender = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parameters = new JsonObject { ["text"] = text };
        foreach (var (name, value) in new[] { ("language", language), ("voice", voice), ("gender", gender) })
        {
            if (value is not null)
            {
                parameters[name] = value;
            }
        }

        return Media("tts", parameters);
    }

    /// <summary>An audio file (MP3 or WAV) at <paramref name="url"/>.</summary>
    public static JsonObject Audio(Uri url) => Media("audio", new JsonObject { ["url"] = (url ?? throw new ArgumentNullException(nameof(url))).ToString() });

    /// <summary>Silence for <paramref name="duration"/>.</summary>
    public static JsonObject Silence(TimeSpan duration) => Media("silence", new JsonObject { ["duration"] = Seconds(duration) });

    /// <summary>A country's ringback tone (<paramref name="name"/>: <c>us</c>, <c>uk</c>, <c>it</c>...), for <paramref name="duration"/> or until stopped.</summary>
    public static JsonObject Ringtone(string name, TimeSpan? duration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var parameters = new JsonObject { ["name"] = name };
        if (duration is { } length)
        {
            parameters["duration"] = Seconds(length);
        }

        return Media("ringtone", parameters);
    }

    private static JsonObject Media(string type, JsonObject parameters) => new() { ["type"] = type, ["params"] = parameters };

    private static double Seconds(TimeSpan duration) => double.Parse(duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
