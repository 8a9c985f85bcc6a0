using Microsoft.Extensions.Time.Testing;
using SignalWire.Agents.Prefabs;

namespace SignalWire.Agents.AspNetCore.Tests.Prefabs;

public sealed class ConciergeAgentTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await AgentTestServer.StartAsync(new ConciergeAgent(new ConciergeOptions
        {
            VenueName = "Grand Hotel",
            Services = ["Spa", "Restaurant"],
            Amenities = [new("Pool", "Heated indoor pool", "Take the east lift to floor 2 and follow the signs.")],
            Hours = new Dictionary<DayOfWeek, OpeningHours>
            {
                [DayOfWeek.Monday] = new(new TimeOnly(9, 0), new TimeOnly(21, 0)),
                [DayOfWeek.Saturday] = new(new TimeOnly(10, 0), new TimeOnly(18, 0)),
            },
            SpecialInstructions = ["Pets are welcome in the lobby only."],
            Time = _time,
            Agent = PrefabTest.Options("concierge", "/concierge"),
        }));
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private Task<string> Check(string service, string date, string time) =>
        _client.CallAsync("/concierge", "check_availability", new() { ["service"] = service, ["date"] = date, ["time"] = time });

    [Fact]
    public Task The_document_matches_its_golden_copy() => PrefabTest.AssertGoldenAsync(_server, _client, "/concierge", "concierge");

    [Theory]
    [InlineData("Spa", "2026-11-30", "10:30", """{"response":"Spa is available on Monday, November 30 at 10:30."}""")]
    [InlineData("Spa", "2026-11-30", "21:00", """{"response":"Spa is not available on Monday, November 30 at 21:00. Offer another time within the opening hours."}""")]
    [InlineData("Restaurant", "2026-12-01", "12:00", """{"response":"Restaurant is not available on Tuesday, December 1 at 12:00. Offer another time within the opening hours."}""")]
    [InlineData("Spa", "2026-11-28", "10:30", """{"response":"2026-11-28 is in the past. Ask the caller for a date from today on."}""")]
    public async Task Availability_follows_the_opening_hours_and_never_the_past(string service, string date, string time, string expected)
    {
        Assert.Equal(expected, await Check(service, date, time));
    }

    [Theory]
    [InlineData("Spa", "30/11/2026", "10:30", "date must be a valid date")]
    [InlineData("Spa", "2026-11-30", "25:00", "time is not in the expected format")]
    [InlineData("Casino", "2026-11-30", "10:30", "service must be one of")]
    public async Task Bad_dates_times_and_services_are_refused(string service, string date, string time, string problem)
    {
        Assert.Contains(problem, await Check(service, date, time), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directions_come_from_the_amenity_and_a_booking_check_can_decide()
    {
        Assert.Equal("""{"response":"Pool: Take the east lift to floor 2 and follow the signs."}""",
            await _client.CallAsync("/concierge", "get_directions", new() { ["location"] = "Pool" }));

        await using var server = await AgentTestServer.StartAsync(new ConciergeAgent(new ConciergeOptions
        {
            VenueName = "Grand Hotel",
            Services = ["Spa"],
            CheckAvailability = (request, _) => ValueTask.FromResult(request.Time.Hour == 15),
            Time = _time,
            Agent = PrefabTest.Options("concierge", "/concierge"),
        }));
        using var client = server.CreateClient();
        Assert.Equal("""{"response":"Spa is available on Monday, November 30 at 15:00."}""",
            await client.CallAsync("/concierge", "check_availability", new() { ["service"] = "Spa", ["date"] = "2026-11-30", ["time"] = "15:00" }));
        Assert.Equal("""{"response":"Spa is not available on Monday, November 30 at 16:00. Offer another time."}""",
            await client.CallAsync("/concierge", "check_availability", new() { ["service"] = "Spa", ["date"] = "2026-11-30", ["time"] = "16:00" }));
    }
}
