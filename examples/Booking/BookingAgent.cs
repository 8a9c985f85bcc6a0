using System.Text.Json.Nodes;
using SignalWire.Agents;

namespace BookingExample;

/// <summary>
/// A restaurant's booking line as a conversation in steps: greet, collect the party's details, confirm and book.
/// Each step names what finishes it, which tools it may use and where it may go next, so the AI cannot book before
/// the details are confirmed.
/// </summary>
public sealed class BookingAgent : AgentBase
{
    private static readonly JsonObject BookingSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["party_size"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 12 },
            ["date"] = new JsonObject { ["type"] = "string", ["description"] = "YYYY-MM-DD" },
            ["time"] = new JsonObject { ["type"] = "string", ["description"] = "HH:MM, 24-hour" },
            ["name"] = new JsonObject { ["type"] = "string", ["maxLength"] = 80 },
        },
        ["required"] = new JsonArray("party_size", "date", "time", "name"),
    };

    /// <summary>Creates the agent; <paramref name="options"/> defaults to the name <c>booking</c>.</summary>
    public BookingAgent(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "booking" })
    {
        AddLanguage("English", "en-US", "rime.spore");
        DefineTool("book_table", "Book a table once the caller has confirmed every detail", BookingSchema, (args, _, _) =>
            ValueTask.FromResult(new FunctionResult(
                $"Booked a table for {args["party_size"]} on {args["date"]} at {args["time"]} under {args["name"]}.")));
        DefineContexts(contexts =>
        {
            var booking = contexts.AddContext("default");
            booking.AddStep("greeting", task: "Welcome the caller to Trattoria Example and ask whether they want to book a table.",
                criteria: "The caller wants to book a table.", functions: [], validSteps: ["details"]);
            booking.AddStep("details", task: "Ask for the party size, the date, the time and the name for the booking.",
                criteria: "You have all four details.", functions: [], validSteps: ["confirm"]);
            booking.AddStep("confirm", task: "Read the four details back and ask the caller to confirm them. When they do, book the table.",
                criteria: "The table is booked.", functions: ["book_table"], validSteps: ["details"]);
        });
    }
}
