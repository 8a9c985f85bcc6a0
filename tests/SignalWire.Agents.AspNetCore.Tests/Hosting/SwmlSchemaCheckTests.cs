using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.AspNetCore.Diagnostics;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

public sealed class SwmlSchemaCheckTests
{
    private static TestAgent AgentWithBadVerb(bool? validate)
    {
        var options = AgentTestServer.Options();
        options.ValidateSwml = validate;
        var agent = new TestAgent(options);
        // "play" needs a url or urls: the platform would refuse this document.
        agent.AddPostAiVerb("play", new JsonObject { ["volume"] = 3 });
        return agent;
    }

    private static async Task<(string Body, string[] Warnings)> FetchAsync(AgentBase agent, string environment = "Production")
    {
        var app = AgentApplication.Create(agent, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0), ["--environment", environment], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddFakeLogging();
        });
        await using var _ = app;
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", TestCredentials.EncodedPair);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var warnings = app.Services.GetRequiredService<Microsoft.Extensions.Logging.Testing.FakeLogCollector>().GetSnapshot()
            .Where(r => r.Level == LogLevel.Warning && r.Id.Id == 1013)
            .Select(r => r.Message)
            .ToArray();
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), warnings);
    }

    [Fact]
    public async Task A_document_that_breaks_the_schema_is_still_served_and_logged_with_its_path()
    {
        var (body, warnings) = await FetchAsync(AgentWithBadVerb(validate: true));

        Assert.Contains("\"play\":{\"volume\":3}", body, StringComparison.Ordinal);
        var warning = Assert.Single(warnings);
        Assert.StartsWith("Agent test-agent: the SWML document served does not match the SWML schema (", warning, StringComparison.Ordinal);
        Assert.Contains("/sections/main/", warning, StringComparison.Ordinal);
        Assert.Contains("/play", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("SWAIG", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_document_logs_nothing()
    {
        var options = AgentTestServer.Options();
        options.ValidateSwml = true;

        var (body, warnings) = await FetchAsync(new TestAgent(options));

        SwmlSchema.AssertValid(body);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task The_check_is_on_in_development_and_off_elsewhere_unless_asked()
    {
        Assert.Single((await FetchAsync(AgentWithBadVerb(validate: null), "Development")).Warnings);
        Assert.Empty((await FetchAsync(AgentWithBadVerb(validate: null), "Production")).Warnings);
        Assert.Empty((await FetchAsync(AgentWithBadVerb(validate: false), "Development")).Warnings);
    }

    [Fact]
    public void Problems_name_the_json_path_of_each_mismatch()
    {
        var problems = SwmlSchemaCheck.Problems("""{"version":"1.0.0","sections":{"main":[{"play":{"volume":3}}]}}"""u8.ToArray());

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("/sections/main/0", p, StringComparison.Ordinal));
        Assert.Empty(SwmlSchemaCheck.Problems("""{"version":"1.0.0","sections":{"main":[{"play":{"url":"say:hi"}}]}}"""u8.ToArray()));
    }
}
