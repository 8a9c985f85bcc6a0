using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SignalWire.Rest.Messaging;

namespace SignalWire.Rest.Tests;

/// <summary>Messages and phone numbers against a fake API, and how the client is configured.</summary>
public sealed class ResourceTests : IAsyncLifetime
{
    private const string Number = """{"id":"pn-1","number":"+14155550150","name":"Front desk","capabilities":["voice","sms"],"number_type":"longcode","call_handler":"relay_script","call_relay_script_url":"https://agents.example.com/","created_at":"2026-01-02T03:04:05Z"}""";
    private FakeApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeApi.StartAsync(app =>
        {
            app.MapPost("/api/messaging/messages", () => Results.Text("""{"id":"m-1","from":"+14155550100","to":"+14155550142","body":"Your code is 123","status":"queued","direction":"outbound","kind":"sms","number_of_segments":1}""", "application/json"));
            app.MapGet("/api/messaging/logs/{id}", (string id) => Results.Text($$"""{"id":"{{id}}","status":"delivered"}""", "application/json"));
            app.MapGet("/api/messaging/logs", () => Results.Text("""{"data":[{"id":"m-1"},{"id":"m-2"}],"links":{}}""", "application/json"));
            app.MapGet("/api/relay/rest/phone_numbers/search", () => Results.Text("""{"data":[{"number":"+14155550160","region":"CA","city":"San Francisco","rate_center":"SNFC","capabilities":{"voice":true,"sms":true,"mms":false,"fax":false}}],"links":{}}""", "application/json"));
            app.MapPost("/api/relay/rest/phone_numbers", () => Results.Text(Number, "application/json"));
            app.MapGet("/api/relay/rest/phone_numbers/{id}", () => Results.Text(Number, "application/json"));
            app.MapPut("/api/relay/rest/phone_numbers/{id}", () => Results.Text(Number, "application/json"));
            app.MapDelete("/api/relay/rest/phone_numbers/{id}", () => Results.NoContent());
        });
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_message_is_sent_and_read_back_from_the_log()
    {
        var ct = TestContext.Current.CancellationToken;
        var sent = await _api.Client.Messages.SendAsync(new SendMessageRequest("+14155550100", "+14155550142") { Body = "Your code is 123", StatusCallback = new Uri("https://example.com/sms-status"), CustomVariables = new Dictionary<string, string> { ["order"] = "42" } }, ct);
        var read = await _api.Client.Messages.GetAsync("m-1", ct);
        var listed = new List<string?>();
        await foreach (var message in _api.Client.Messages.ListAsync(25, ct))
        {
            listed.Add(message.Id);
        }

        Assert.Equal("""{"to":"+14155550142","from":"+14155550100","body":"Your code is 123","status_callback":"https://example.com/sms-status","custom_variables":{"order":"42"}}""", _api.Server.RequestsTo("/api/messaging/messages")[0].Body);
        Assert.Equal(("m-1", "queued", "sms", 1), (sent.Id, sent.Status, sent.Kind, sent.NumberOfSegments));
        Assert.Equal("delivered", read.Status);
        Assert.Equal(["m-1", "m-2"], listed);
        Assert.Equal("?page_size=25", _api.Server.RequestsTo("/api/messaging/logs")[0].Query);
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.Messages.SendAsync(new SendMessageRequest("+14155550100", "+14155550142"), ct));
    }

    [Fact]
    public async Task Numbers_are_searched_bought_pointed_at_an_agent_and_released()
    {
        var ct = TestContext.Current.CancellationToken;
        var available = await _api.Client.PhoneNumbers.SearchAsync(new Dictionary<string, string> { ["areacode"] = "415", ["max_results"] = "5" }, ct);
        var bought = await _api.Client.PhoneNumbers.BuyAsync(available[0].Number!, ct);
        var pointed = await _api.Client.PhoneNumbers.SetSwmlWebhookAsync("pn-1", new Uri("https://agents.example.com/"), ct);
        await _api.Client.PhoneNumbers.SetAiAgentAsync("pn-1", "agent-7", ct);
        var fetched = await _api.Client.PhoneNumbers.GetAsync("pn-1", ct);
        await _api.Client.PhoneNumbers.ReleaseAsync("pn-1", ct);

        Assert.Equal("?areacode=415&max_results=5", _api.Server.RequestsTo("/api/relay/rest/phone_numbers/search")[0].Query);
        Assert.Equal(("San Francisco", true, false), (available[0].City, available[0].Capabilities!["voice"], available[0].Capabilities!["mms"]));
        Assert.Equal("""{"number":"+14155550160"}""", _api.Server.RequestsTo("/api/relay/rest/phone_numbers")[0].Body);
        var updates = _api.Server.RequestsTo("/api/relay/rest/phone_numbers/pn-1");
        Assert.Equal(["PUT", "PUT", "GET", "DELETE"], updates.Select(r => r.Method));
        Assert.Equal("""{"call_handler":"relay_script","call_relay_script_url":"https://agents.example.com/"}""", updates[0].Body);
        Assert.Equal("""{"call_handler":"ai_agent","call_ai_agent_id":"agent-7"}""", updates[1].Body);
        Assert.Equal(("pn-1", "relay_script", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)), (bought.Id, pointed.CallHandler, fetched.CreatedAt));
    }

    [Theory]
    [InlineData("example", "https://example.signalwire.com/")]
    [InlineData("example.signalwire.com", "https://example.signalwire.com/")]
    [InlineData("https://example.signalwire.com/", "https://example.signalwire.com/")]
    [InlineData("api.eu.example.net", "https://api.eu.example.net/")]
    public void The_space_becomes_the_API_address(string space, string expected) =>
        Assert.Equal(expected, new SignalWireRestOptions { Space = space }.ResolveBaseAddress().ToString());

    [Fact]
    public void Missing_settings_are_named_and_the_environment_fills_the_rest()
    {
        Assert.Equal("Set ApiToken (or SIGNALWIRE_API_TOKEN).", Assert.Throws<SignalWireConfigurationException>(() => new SignalWireRestOptions { ProjectId = "p", Space = "example" }.Validate()).Message);
        Assert.Equal("Set Space (or SIGNALWIRE_SPACE), or BaseAddress.", Assert.Throws<SignalWireConfigurationException>(() => new SignalWireRestOptions { ProjectId = "p", ApiToken = "t" }.Validate()).Message);
        Assert.Equal("Space 'bad host!' is not a host name.", Assert.Throws<SignalWireConfigurationException>(() => new SignalWireRestOptions { Space = "bad host!" }.ResolveBaseAddress()).Message);

        var environment = new Dictionary<string, string> { ["SIGNALWIRE_PROJECT_ID"] = "proj", ["SIGNALWIRE_API_TOKEN"] = "tok", ["SIGNALWIRE_SPACE"] = "example" };
        var options = new SignalWireRestOptions { Space = "mine" }.WithEnvironment(environment.GetValueOrDefault);
        Assert.Equal(("proj", "tok", "mine"), (options.ProjectId, options.ApiToken, options.Space));
    }

    [Fact]
    public async Task Registered_from_configuration_it_calls_the_configured_address()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SignalWire:Rest:ProjectId"] = FakeApi.Project,
            ["SignalWire:Rest:ApiToken"] = FakeApi.Token,
            ["SignalWire:Rest:BaseAddress"] = _api.Server.BaseAddress.ToString(),
        }).Build();
        var services = new ServiceCollection().AddSignalWireRest(configuration.GetSection("SignalWire:Rest"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SignalWireClient>();
        var number = await client.PhoneNumbers.GetAsync("pn-1", TestContext.Current.CancellationToken);

        Assert.Equal("+14155550150", number.Number);
        Assert.Equal(FakeApi.Basic, _api.Server.Requests[0].Header("Authorization"));
    }
}
