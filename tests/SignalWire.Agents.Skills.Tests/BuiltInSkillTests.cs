using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SignalWire.Agents.Skills.Tests;

/// <summary>The datetime and math skills over real HTTP.</summary>
public sealed class BuiltInSkillTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 21, 30, 5, TimeSpan.Zero));
    private AgentTestServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var agent = new AgentBase(AgentTestServer.Options()).AddSkill<DateTimeSkill>(s => s.Time = _time).AddSkill("math");
        _server = await AgentTestServer.StartAsync(agent);
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> CallAsync(string function, JsonObject? args = null)
    {
        using var response = await _client.PostJsonAsync("/swaig", SwaigRequests.Call(function, args));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.ReadTextAsync())!["response"]!.GetValue<string>();
    }

    [Theory]
    [InlineData(null, "The current time in UTC is 21:30:05 (UTC).")]
    [InlineData("America/New_York", "The current time in America/New_York is 16:30:05 (UTC-05:00).")]
    [InlineData("Asia/Kolkata", "The current time in Asia/Kolkata is 03:00:05 (UTC+05:30).")]
    [InlineData("Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a time zone I know. Ask the caller for their city and use its IANA name, such as America/New_York.")]
    public async Task The_time_is_told_in_the_zone_asked_for(string? zone, string expected)
    {
        Assert.Equal(expected, await CallAsync("get_current_time", zone is null ? null : new JsonObject { ["timezone"] = zone }));
    }

    [Fact]
    public async Task The_date_is_told_in_the_zone_asked_for_and_hostile_zones_are_refused()
    {
        Assert.Equal("Today's date in UTC is Sunday, November 29, 2026.", await CallAsync("get_current_date"));
        Assert.Equal("Today's date in Asia/Tokyo is Monday, November 30, 2026.", await CallAsync("get_current_date", new() { ["timezone"] = "Asia/Tokyo" }));
        Assert.StartsWith("The arguments for get_current_date are invalid: timezone", await CallAsync("get_current_date", new() { ["timezone"] = "../../etc/passwd" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(12.5 + 7) * 3", "(12.5 + 7) * 3 = 58.5")]
    [InlineData("2 ** 10", "2 ** 10 = 1024")]
    [InlineData("2 ^ 3 ^ 2", "2 ^ 3 ^ 2 = 512")]
    [InlineData("-3 + -(-4)", "-3 + -(-4) = 1")]
    [InlineData("10 % 4 / 4", "10 % 4 / 4 = 0.5")]
    [InlineData("1 / 3", "1 / 3 = 0.333333333333333")]
    [InlineData("1 / 0", "I could not calculate that: division by zero.")]
    [InlineData("2 ** 1001", "I could not calculate that: exponents are limited to ±1000.")]
    [InlineData("10 ** 400", "I could not calculate that: the result is too large.")]
    [InlineData("__import__('os')", "I could not calculate that: unexpected '_' at position 1.")]
    [InlineData("1 +", "I could not calculate that: the expression ends too early.")]
    [InlineData("(1 + 2", "I could not calculate that: a closing parenthesis is missing.")]
    [InlineData("1.2.3", "I could not calculate that: '1.2.3' is not a number.")]
    [InlineData("((((((((((((((((((((((1))))))))))))))))))))))", "I could not calculate that: the expression is nested more than 20 levels deep.")]
    public async Task Calculate_evaluates_arithmetic_only_within_limits(string expression, string expected)
    {
        Assert.Equal(expected, await CallAsync("calculate", new() { ["expression"] = expression }));
    }

    [Fact]
    public async Task An_over_long_expression_is_refused_by_the_schema()
    {
        Assert.StartsWith("The arguments for calculate are invalid: expression must be at most 200 characters long",
            await CallAsync("calculate", new() { ["expression"] = string.Join("+", Enumerable.Repeat("1", 101)) }), StringComparison.Ordinal);
    }
}
