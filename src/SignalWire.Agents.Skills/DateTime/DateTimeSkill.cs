using System.Globalization;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills;

/// <summary>
/// The current date and time in any IANA time zone: tools <c>get_current_time</c> and <c>get_current_date</c>, each
/// with an optional <c>timezone</c> (default UTC). No parameters, one instance per agent.
/// </summary>
public sealed class DateTimeSkill : SkillBase
{
    private static readonly JsonObject TimeZoneArgument = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["timezone"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "An IANA time zone such as America/New_York or Europe/London (default UTC)",
                ["pattern"] = "^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+){0,2}$",
                ["maxLength"] = 64,
            },
        },
    };

    /// <inheritdoc />
    public override string Name => "datetime";

    /// <inheritdoc />
    public override string Description => "The current date and time in any time zone";

    /// <summary>The clock (tests set a fixed one); default the system clock.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        context.DefineTool("get_current_time", "Get the current time, optionally in a time zone", (JsonObject)TimeZoneArgument.DeepClone(), (args, _, _) =>
            ValueTask.FromResult(InZone(args, (now, zone) => $"The current time in {zone} is {now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} (UTC{Offset(now)}).")));
        context.DefineTool("get_current_date", "Get today's date, optionally in a time zone", (JsonObject)TimeZoneArgument.DeepClone(), (args, _, _) =>
            ValueTask.FromResult(InZone(args, (now, zone) => $"Today's date in {zone} is {now.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)}.")));
        context.AddPromptSection("Date and Time Information", "You can tell the caller the current date and time.", [
            "Use get_current_time for the time and get_current_date for the date.",
            "Pass the caller's time zone (an IANA name such as America/Chicago) when you know it.",
        ]);
    }

    private FunctionResult InZone(JsonObject args, Func<DateTimeOffset, string, string> describe)
    {
        var name = args["timezone"]?.GetValue<string>() is { Length: > 0 } given ? given : "UTC";
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return new FunctionResult($"'{name}' is not a time zone I know. Ask the caller for their city and use its IANA name, such as America/New_York.");
        }

        return new FunctionResult(describe(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), zone), name));
    }

    private static string Offset(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero ? string.Empty : (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.ToString("hh\\:mm", CultureInfo.InvariantCulture);
}
