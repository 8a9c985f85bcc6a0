using System.ComponentModel;
using System.Globalization;
using SignalWire.Agents;
using SignalWire.Agents.Tools;

namespace FunctionsAgentExample;

/// <summary>Arguments of <c>check_availability</c>.</summary>
public sealed record AvailabilityArgs([property: Description("Day to check, as YYYY-MM-DD")] DateOnly Day);

/// <summary>Arguments of <c>book_appointment</c>.</summary>
public sealed record BookingArgs(
    [property: Description("Day of the appointment, as YYYY-MM-DD")] DateOnly Day,
    [property: Description("Start time, as HH:MM (24-hour)")] TimeOnly Time);

/// <summary>
/// A clinic's front desk: an ordinary tool that lists free slots, and a secure tool that books one (its calls need
/// the per-call token the SWML document carries, wherever the agent runs).
/// </summary>
public sealed class AppointmentDesk : AgentBase
{
    private static readonly TimeOnly[] Slots = [new(9, 0), new(10, 30), new(14, 0), new(15, 30)];

    /// <summary>Creates the agent; <paramref name="options"/> defaults to the name <c>appointment-desk</c>.</summary>
    public AppointmentDesk(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "appointment-desk" })
    {
        PromptAddSection("Role", "You are the front desk of the Example Clinic. You find and book appointments.");
        PromptAddSection("Rules", bullets: ["Read the free times back before booking.", "Book only a time the caller chose."]);
        AddLanguage("English", "en-US", "rime.spore");
        DefineTool("check_availability", "List the free appointment times on a day", DeskJson.Default.AvailabilityArgs, CheckAvailability, new ToolOptions());
        DefineTool("book_appointment", "Book an appointment at a free time", DeskJson.Default.BookingArgs, Book, new ToolOptions { Secure = true });
    }

    private static ValueTask<FunctionResult> CheckAvailability(AvailabilityArgs args, ToolCallContext call, CancellationToken cancellationToken)
    {
        var free = string.Join(", ", Slots.Select(slot => slot.ToString("HH:mm", CultureInfo.InvariantCulture)));
        return ValueTask.FromResult(new FunctionResult($"Free on {args.Day:yyyy-MM-dd}: {free}."));
    }

    private static ValueTask<FunctionResult> Book(BookingArgs args, ToolCallContext call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Slots.Contains(args.Time)
            ? new FunctionResult($"Booked {args.Day:yyyy-MM-dd} at {args.Time:HH\\:mm}.")
            : new FunctionResult($"{args.Time:HH\\:mm} is not a free time."));
}
