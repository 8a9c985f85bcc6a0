using System.Globalization;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Prefabs;

/// <summary>
/// A venue's concierge: knows its services, amenities and hours; <c>check_availability</c> answers for a service on a
/// date and time (the application's booking check, else the opening hours; never a day in the past), and
/// <c>get_directions</c> gives the way to an amenity. Services and amenities are enums in the tools' schemas.
/// </summary>
public class ConciergeAgent : AgentBase
{
    private readonly ConciergeOptions _options;
    private readonly Dictionary<string, Amenity> _amenities;
    private readonly TimeProvider _time;

    /// <summary>Creates the agent.</summary>
    /// <exception cref="ArgumentException">No venue name or services, or an amenity or opening hours are invalid.</exception>
    public ConciergeAgent(ConciergeOptions options)
        : base(Prefab.Options(options?.Agent, "concierge", "/concierge"))
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = options.Time ?? TimeProvider.System;
        var venue = Prefab.Required(options.VenueName, "ConciergeOptions.VenueName");
        if (options.Services is not { Count: > 0 } services || services.Any(string.IsNullOrWhiteSpace) || services.Distinct(StringComparer.OrdinalIgnoreCase).Count() != services.Count)
        {
            throw new ArgumentException("ConciergeAgent needs at least one service, each named once.", nameof(options));
        }

        _amenities = new Dictionary<string, Amenity>(StringComparer.OrdinalIgnoreCase);
        foreach (var amenity in options.Amenities ?? [])
        {
            if (amenity is null || string.IsNullOrWhiteSpace(amenity.Name) || string.IsNullOrWhiteSpace(amenity.Directions) || !_amenities.TryAdd(amenity.Name.Trim(), amenity))
            {
                throw new ArgumentException($"Amenity '{amenity?.Name}' needs a unique name and directions.", nameof(options));
            }
        }

        foreach (var (day, (opens, closes)) in options.Hours ?? new Dictionary<DayOfWeek, OpeningHours>())
        {
            if (closes <= opens)
            {
                throw new ArgumentException($"Opening hours on {day}: closing ({closes:HH\\:mm}) must be after opening ({opens:HH\\:mm}).", nameof(options));
            }
        }

        PromptAddSection("Role", $"You are the concierge of {venue}. Help guests with services, amenities, hours and directions.");
        PromptAddSection("Welcome", options.WelcomeMessage ?? $"Welcome to {venue}! How may I help you today?");
        PromptAddSection("Services", bullets: [.. services]);
        if (_amenities.Count > 0)
        {
            PromptAddSection("Amenities", bullets: [.. _amenities.Values.Select(a => $"{a.Name}: {a.Description}")]);
        }

        if (options.Hours is { Count: > 0 } hours)
        {
            PromptAddSection("Hours of Operation", bullets: [.. Enum.GetValues<DayOfWeek>().Select(d => hours.TryGetValue(d, out var h) ? $"{d}: {h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}" : $"{d}: closed")]);
        }

        PromptAddSection("Instructions", bullets:
        [
            "Check availability with check_availability before promising anything, and give directions with get_directions.",
            "Only talk about this venue; never invent services, prices or hours.",
            .. options.SpecialInstructions ?? [],
        ]);
        DefineTool("check_availability", "Check whether a service is available on a date and time", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["service"] = new JsonObject { ["type"] = "string", ["description"] = "The service", ["enum"] = new JsonArray([.. services.Select(s => (JsonNode)s.Trim())]) },
                ["date"] = new JsonObject { ["type"] = "string", ["description"] = "The date, YYYY-MM-DD", ["format"] = "date" },
                ["time"] = new JsonObject { ["type"] = "string", ["description"] = "The time, 24-hour HH:MM", ["pattern"] = "^([01][0-9]|2[0-3]):[0-5][0-9]$" },
            },
            ["required"] = new JsonArray("service", "date", "time"),
        }, CheckAvailabilityAsync);
        if (_amenities.Count > 0)
        {
            DefineTool("get_directions", "Get directions to an amenity", new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["location"] = new JsonObject { ["type"] = "string", ["description"] = "The amenity", ["enum"] = new JsonArray([.. _amenities.Values.Select(a => (JsonNode)a.Name.Trim())]) },
                },
                ["required"] = new JsonArray("location"),
            }, GetDirections);
        }
    }

    private async ValueTask<FunctionResult> CheckAvailabilityAsync(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var service = args["service"]!.GetValue<string>();
        var date = DateOnly.ParseExact(args["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = TimeOnly.ParseExact(args["time"]!.GetValue<string>(), "HH:mm", CultureInfo.InvariantCulture);
        var when = $"{date:dddd, MMMM d} at {time:HH\\:mm}";
        if (date < DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime))
        {
            return new FunctionResult($"{date:yyyy-MM-dd} is in the past. Ask the caller for a date from today on.");
        }

        var available = _options.CheckAvailability is { } check
            ? await check(new AvailabilityRequest(service, date, time), cancellationToken).ConfigureAwait(false)
            : IsOpen(date.DayOfWeek, time);
        return new FunctionResult(available
            ? $"{service} is available on {when}."
            : $"{service} is not available on {when}. Offer another time{(_options.Hours is { Count: > 0 } ? " within the opening hours" : string.Empty)}.");
    }

    private bool IsOpen(DayOfWeek day, TimeOnly time) =>
        _options.Hours is not { Count: > 0 } hours || (hours.TryGetValue(day, out var h) && time >= h.Opens && time < h.Closes);

    private ValueTask<FunctionResult> GetDirections(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var amenity = _amenities[args["location"]!.GetValue<string>()];
        return ValueTask.FromResult(new FunctionResult($"{amenity.Name}: {amenity.Directions.Trim()}"));
    }
}
