using BookingExample;

namespace Examples.Tests;

/// <summary>examples/Booking over real HTTP: the steps SignalWire follows, and the booking tool.</summary>
public sealed class BookingTests
{
    [Fact]
    public async Task The_document_carries_the_steps_with_their_criteria_tools_and_ways_on()
    {
        await using var server = await AgentTestServer.StartAsync(new BookingAgent(AgentTestServer.Options("booking")));
        using var client = server.CreateClient();

        var contexts = (await client.FetchSwmlAsync("call-1")).Ai()["prompt"]!["contexts"]!;

        Assert.Equal(
            """{"default":{"steps":[{"name":"greeting","text":"## Task\nWelcome the caller to Trattoria Example and ask whether they want to book a table.","step_criteria":"The caller wants to book a table.","functions":[],"valid_steps":["details"]},{"name":"details","text":"## Task\nAsk for the party size, the date, the time and the name for the booking.","step_criteria":"You have all four details.","functions":[],"valid_steps":["confirm"]},{"name":"confirm","text":"## Task\nRead the four details back and ask the caller to confirm them. When they do, book the table.","step_criteria":"The table is booked.","functions":["book_table"],"valid_steps":["details"]}]}}""",
            contexts.ToWireJson());
    }

    [Fact]
    public async Task The_booking_tool_books_and_refuses_a_party_too_large()
    {
        await using var server = await AgentTestServer.StartAsync(new BookingAgent(AgentTestServer.Options("booking")));
        using var client = server.CreateClient();

        using var booked = await client.PostJsonAsync("/swaig", SwaigRequests.Call("book_table", new() { ["party_size"] = 4, ["date"] = "2026-12-24", ["time"] = "19:30", ["name"] = "Ada" }));
        using var tooMany = await client.PostJsonAsync("/swaig", SwaigRequests.Call("book_table", new() { ["party_size"] = 40, ["date"] = "2026-12-24", ["time"] = "19:30", ["name"] = "Ada" }));

        Assert.Equal("""{"response":"Booked a table for 4 on 2026-12-24 at 19:30 under Ada."}""", await booked.ReadTextAsync());
        Assert.StartsWith("""{"response":"The arguments for book_table are invalid: party_size""", await tooMany.ReadTextAsync(), StringComparison.Ordinal);
    }
}
