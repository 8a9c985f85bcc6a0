using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.Cli.Tests;

/// <summary><c>--exec NAME --live</c>: a DataMap tool's webhook requested for real, against a fake weather API on loopback.</summary>
public sealed class LiveDataMapTests
{
    private static async Task<FakeWebServer> WeatherApiAsync(int status = 200, string body = """{"temp":"21C"}""") =>
        await FakeWebServer.StartAsync(app => app.MapGet("/weather", (HttpContext context) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        }));

    private static Task<SwaigTest.Result> ExecAsync(FakeWebServer api, params string[] extra) =>
        SwaigTest.RunAsync([SwaigTest.TestAgents, "--agent", "weather", "--exec", "get_weather", "--arg", "city=Paris", "--arg", "units=Metric",
            "--live", "--raw", "--env", $"WEATHER_API_BASE={api.BaseAddress.ToString().TrimEnd('/')}", .. extra]);

    [Fact]
    public async Task The_webhook_is_requested_with_the_resolved_arguments_and_its_output_rendered_from_the_response()
    {
        await using var api = await WeatherApiAsync();

        var result = await ExecAsync(api, "--live-allow-private");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"It is 21C in Paris."}""", result.Output.Trim());
        var request = Assert.Single(api.RequestsTo("/weather"));
        Assert.Equal(("GET", "Paris", "metric", "Bearer sk-live-123"), (request.Method, request.QueryValue("q"), request.QueryValue("units"), request.Header("Authorization")));
    }

    [Fact]
    public async Task Without_permission_the_ssrf_guard_refuses_loopback_and_the_fallback_answers()
    {
        await using var api = await WeatherApiAsync();

        var result = await ExecAsync(api, "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"The weather service is unavailable."}""", result.Output.Trim());
        Assert.Empty(api.Requests);
        Assert.Contains("webhook 1: GET", result.Error, StringComparison.Ordinal);
        Assert.Contains("is not on the public internet", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, """{"temp":"21C"}""")]
    [InlineData(200, "<html>not json</html>")]
    public async Task A_failing_webhook_falls_back_to_the_fallback_output(int status, string body)
    {
        await using var api = await WeatherApiAsync(status, body);

        var result = await ExecAsync(api, "--live-allow-private");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"The weather service is unavailable."}""", result.Output.Trim());
        Assert.Single(api.RequestsTo("/weather"));
    }

    [Fact]
    public async Task A_matching_expression_answers_without_any_request()
    {
        var result = await SwaigTest.RunAsync(SwaigTest.TestAgents, "--agent", "weather", "--exec", "greet", "--arg", "language=french", "--live", "--raw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"response":"Bonjour !"}""", result.Output.Trim());
    }
}
