namespace SignalWire.Agents.Prefabs;

/// <summary>What a <see cref="ConciergeAgent"/> knows about its venue.</summary>
public sealed class ConciergeOptions
{
    /// <summary>The venue's name.</summary>
    public string VenueName { get; set; } = string.Empty;

    /// <summary>The services guests can book (at least one).</summary>
    public IReadOnlyList<string> Services { get; set; } = [];

    /// <summary>The places at the venue, with directions.</summary>
    public IReadOnlyList<Amenity> Amenities { get; set; } = [];

    /// <summary>Opening hours per day of the week (a day not listed is closed); with none, any time is open.</summary>
    public IReadOnlyDictionary<DayOfWeek, OpeningHours> Hours { get; set; } = new Dictionary<DayOfWeek, OpeningHours>();

    /// <summary>Decides availability (a booking system); default: open hours (<see cref="Hours"/>) only.</summary>
    public Func<AvailabilityRequest, CancellationToken, ValueTask<bool>>? CheckAvailability { get; set; }

    /// <summary>Anything else the AI must know or follow.</summary>
    public IReadOnlyList<string> SpecialInstructions { get; set; } = [];

    /// <summary>The greeting; default a welcome naming the venue.</summary>
    public string? WelcomeMessage { get; set; }

    /// <summary>The clock that tells "today" (default the system clock, UTC).</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>The agent's options; default name <c>concierge</c> at route <c>/concierge</c>.</summary>
    public AgentOptions? Agent { get; set; }
}
