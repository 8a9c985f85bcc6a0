
namespace SignalWire.Agents;

/// <summary>Options of <see cref="FunctionResult.JoinConference"/>; the defaults are the platform's.</summary>
public sealed record ConferenceOptions
{
    /// <summary>Join muted.</summary>
    public bool Muted { get; init; }

    /// <summary><c>true</c>, <c>false</c>, <c>onEnter</c> or <c>onExit</c>.</summary>
    public string Beep { get; init; } = "true";

    /// <summary>Start the conference when this participant enters.</summary>
    public bool StartOnEnter { get; init; } = true;

    /// <summary>End the conference when this participant leaves.</summary>
    public bool EndOnExit { get; init; }

    /// <summary>Hold music or SWML while waiting.</summary>
    public string? WaitUrl { get; init; }

    /// <summary>1–250.</summary>
    public int MaxParticipants { get; init; } = 250;

    /// <summary><c>do-not-record</c> or <c>record-from-start</c>.</summary>
    public string Record { get; init; } = "do-not-record";

    /// <summary>Media region.</summary>
    public string? Region { get; init; }

    /// <summary><c>trim-silence</c> or <c>do-not-trim</c>.</summary>
    public string Trim { get; init; } = "trim-silence";

    /// <summary>Call id to coach.</summary>
    public string? Coach { get; init; }

    /// <summary>Events that trigger the status callback.</summary>
    public string? StatusCallbackEvent { get; init; }

    /// <summary>Status callback URL.</summary>
    public string? StatusCallback { get; init; }

    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public string StatusCallbackMethod { get; init; } = "POST";

    /// <summary>Recording status callback URL.</summary>
    public string? RecordingStatusCallback { get; init; }

    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public string RecordingStatusCallbackMethod { get; init; } = "POST";

    /// <summary>Recording events that trigger the callback.</summary>
    public string RecordingStatusCallbackEvent { get; init; } = "completed";

    /// <summary>Variable that receives the result.</summary>
    public string? Result { get; init; }
}
