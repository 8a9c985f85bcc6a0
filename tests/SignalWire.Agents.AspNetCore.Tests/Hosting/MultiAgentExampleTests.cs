using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MultiAgentExample;

namespace SignalWire.Agents.AspNetCore.Tests.Hosting;

/// <summary>The multi-agent example end to end: a receptionist and two desks on one AgentServer with SIP routing.</summary>
public sealed class MultiAgentExampleTests : IAsyncLifetime
{
    private readonly AgentServer _server = new AgentServer(Servers.AgentServerTests.HostOptions())
        .Register(new Receptionist(Quiet("receptionist", "/")))
        .Register(DepartmentAgent.Sales(Quiet("sales", "/sales")))
        .Register(DepartmentAgent.Support(Quiet("support", "/support")))
        .EnableSipRouting();

    private AgentTestServer _host = null!;
    private HttpClient _client = null!;

    /// <summary>The example's own options (no credentials: the server's shared pair), with the audit trail off standard output.</summary>
    private static AgentOptions Quiet(string name, string route) => new() { Name = name, Route = route, AuditLogPath = AgentSettings.NoAuditSink };

    public async ValueTask InitializeAsync()
    {
        _host = await AgentTestServer.StartAsync(_server);
        var shared = _server.HostSettings.BasicAuth;
        _client = new HttpClient { BaseAddress = _host.BaseAddress };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(shared.Username + ":" + shared.Password)));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<JsonObject> FetchAsync(string route, string callId, string to)
    {
        var body = SwaigRequests.SwmlFetch(callId);
        body["call"]!["to"] = to;
        using var response = await _client.PostJsonAsync(route, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.ReadTextAsync();
        SwmlSchema.AssertValid(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string Role(JsonObject swml) => swml.Ai()["prompt"]!["pom"]![0]!["body"]!.GetValue<string>();

    [Fact]
    public async Task A_call_to_sip_sales_posted_to_the_main_route_is_served_by_sales_and_its_tools_work()
    {
        var swml = await FetchAsync("/", "call-1", "sip:sales@example.sip.signalwire.com");

        Assert.Equal("You are Example Corp's sales desk. Help the caller choose a plan.", Role(swml));
        var hook = new Uri(swml.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>());
        Assert.Equal("/sales/swaig/", hook.AbsolutePath);
        using var price = await _client.PostJsonAsync(hook.AbsolutePath, SwaigRequests.Call("get_price", new() { ["plan"] = "pro" }));
        Assert.Equal("""{"response":"Pro is $49 a month."}""", await price.ReadTextAsync());
    }

    [Fact]
    public async Task The_receptionist_answers_the_main_number_and_transfers_only_within_the_sip_domain()
    {
        Assert.Equal("You are the receptionist of Example Corp. Greet the caller and find out whether they need sales or support.",
            Role(await FetchAsync("/", "call-1", "+14155550100")));

        using var transfer = await _client.PostJsonAsync("/swaig", SwaigRequests.Call("transfer_to_department", new() { ["department"] = "support" }));
        Assert.Equal(
            """{"response":"Transferring you to support now.","action":[{"SWML":{"sections":{"main":[{"connect":{"to":"sip:support@example.sip.signalwire.com"}}]},"version":"1.0.0"},"transfer":"true"}]}""",
            await transfer.ReadTextAsync());
        using var elsewhere = await _client.PostJsonAsync("/swaig", SwaigRequests.Call("transfer_to_department", new() { ["department"] = "billing" }));
        Assert.Contains("department must be one of", await elsewhere.ReadTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_support_desk_opens_tickets_and_the_agents_share_one_generated_pair()
    {
        Assert.Equal("You are Example Corp's support desk. Collect the problem and open a ticket.", Role(await FetchAsync("/support", "call-7", "sip:support@example.sip.signalwire.com")));
        using var ticket = await _client.PostJsonAsync("/support/swaig", SwaigRequests.Call("open_ticket", new() { ["summary"] = "The router blinks red" }, callId: "call-7"));
        Assert.Equal("""{"response":"Ticket opened for call call-7. An engineer will call back."}""", await ticket.ReadTextAsync());

        Assert.All(_server.Agents, agent => Assert.Equal(_server.HostSettings.BasicAuth.Password, agent.Settings.BasicAuth.Password));
        Assert.Equal(CredentialSource.Generated, _server.HostSettings.BasicAuth.Source);
        using var anonymous = _host.CreateClient(authenticated: false);
        using var refused = await anonymous.PostJsonAsync("/sales/swaig", SwaigRequests.Call("get_price", new() { ["plan"] = "pro" }));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public void The_banner_names_the_url_the_routes_the_sip_names_and_the_generated_password_once()
    {
        using var output = new StringWriter();

        SignalWire.Agents.AspNetCore.Servers.ServerBanner.Write(output, _server, ["http://[::]:3000"]);

        var password = _server.HostSettings.BasicAuth.Password;
        Assert.Equal(
            $"""
            SignalWire agent server is ready (3 agent(s)).
            URL: http://localhost:3000/
              /                receptionist (user signalwire)
              /sales           sales (user signalwire)
              /support         support (user signalwire)
            SIP names: receptionist -> /, sales -> /sales, support -> /support
            Username: signalwire
            Password: {password}
            (shared by the agents above and generated for this run; set SWML_BASIC_AUTH_USER and SWML_BASIC_AUTH_PASSWORD to keep credentials across restarts)

            """.ReplaceLineEndings("\n"),
            output.ToString().ReplaceLineEndings("\n"));
    }
}
