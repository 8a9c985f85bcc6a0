using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static SignalWire.Agents.AspNetCore.Tests.Servers.AgentServerTests;

namespace SignalWire.Agents.AspNetCore.Tests.Servers;

/// <summary>SIP routing on an AgentServer: a call made to sip:sales@… and posted to / is answered by the sales agent.</summary>
public sealed class SipRoutingTests
{
    private static JsonObject FetchTo(string callId, string to)
    {
        var body = SwaigRequests.SwmlFetch(callId);
        body["call"]!["to"] = to;
        return body;
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string route, string callId, string to)
    {
        using var response = await client.PostJsonAsync(route, FetchTo(callId, to));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var text = await response.ReadTextAsync();
        SwmlSchema.AssertValid(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static AgentServer Desks() => new AgentServer(HostOptions())
        .Register(Department("reception", "/"))
        .Register(Department("sales", "/sales"))
        .Register(Department("tech-support", "/support"));

    [Theory]
    [InlineData("sip:sales@example.sip.signalwire.com", "You are the sales desk.")]
    [InlineData("SIP:Sales@other.example.net;transport=tls", "You are the sales desk.")]
    [InlineData("<sips:support@example.sip.signalwire.com>", "You are the tech-support desk.")]
    [InlineData("sip:tech-support@example.sip.signalwire.com", "You are the tech-support desk.")]
    [InlineData("sip:nobody@example.sip.signalwire.com", "You are the reception desk.")]
    [InlineData("+14155550100", "You are the reception desk.")]
    public async Task A_call_to_a_sip_name_is_answered_by_that_agent_whatever_route_it_was_posted_to(string to, string role)
    {
        var server = Desks().EnableSipRouting();
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();

        var swml = await PostAsync(client, "/", "call-1", to);

        Assert.Equal(role, RoleOf(swml));
    }

    [Fact]
    public async Task The_routed_document_points_its_webhooks_at_the_agent_that_answers()
    {
        var server = Desks().EnableSipRouting();
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();

        var swml = await PostAsync(client, "/", "call-1", "sip:sales@example.sip.signalwire.com");
        using var tool = await client.PostJsonAsync(new Uri(swml.Ai()["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>()).AbsolutePath, SwaigRequests.Call("whoami"));

        Assert.Equal("""{"response":"this is sales"}""", await tool.ReadTextAsync());
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 1030 && r.Message.Contains("call call-1 was made to agent sales's SIP name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_sip_routing_the_route_posted_to_answers()
    {
        await using var host = await AgentTestServer.StartAsync(Desks());
        using var client = host.CreateClient();

        Assert.Equal("You are the reception desk.", RoleOf(await PostAsync(client, "/", "call-1", "sip:sales@example.sip.signalwire.com")));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Id.Id is 1030 or 1031);
    }

    [Fact]
    public async Task Registered_names_and_tel_numbers_route_and_a_callback_decides_first()
    {
        var server = Desks()
            .RegisterSipUsername("deals", "/sales")
            .RegisterSipUsername("+14155550142", "/support")
            .RouteSipCalls(request => request.UserPart == "vip" ? "/sales" : request.UserPart == "ghost" ? "/nowhere" : null);
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();

        Assert.Equal("You are the sales desk.", RoleOf(await PostAsync(client, "/", "call-1", "sip:Deals@example.com")));
        Assert.Equal("You are the tech-support desk.", RoleOf(await PostAsync(client, "/", "call-2", "tel:+14155550142")));
        Assert.Equal("You are the sales desk.", RoleOf(await PostAsync(client, "/support", "call-3", "sip:vip@example.com")));
        Assert.Equal("You are the reception desk.", RoleOf(await PostAsync(client, "/", "call-4", "sip:ghost@example.com")));
        Assert.Equal("/sales", server.SipUsernames["DEALS"]);
        Assert.Equal("/support", server.SipUsernames["support"]);
    }

    [Fact]
    public async Task A_call_is_not_routed_to_an_agent_whose_credentials_the_request_does_not_carry()
    {
        var server = new AgentServer(HostOptions())
            .Register(Department("reception", "/"))
            .Register(Department("vault", "/vault", password: "a-different-password-for-the-vault-0123"))
            .EnableSipRouting();
        await using var host = await AgentTestServer.StartAsync(server);
        using var client = host.CreateClient();

        var swml = await PostAsync(client, "/", "call-1", "sip:vault@example.com");

        Assert.Equal("You are the reception desk.", RoleOf(swml));
        Assert.DoesNotContain("a-different-password", swml.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 1031);

        using var vault = new HttpClient { BaseAddress = host.BaseAddress };
        vault.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TestCredentials.User + ":a-different-password-for-the-vault-0123")));
        Assert.Equal("You are the vault desk.", RoleOf(await PostAsync(vault, "/vault", "call-2", "sip:vault@example.com")));
    }

    [Theory]
    [InlineData("sip:sales@example.com", "sales")]
    [InlineData("sips:Sales;user=phone@example.com:5061", "Sales")]
    [InlineData("tel:+14155550100;ext=12", "+14155550100")]
    [InlineData("sip:%73ales@example.com", "sales")]
    [InlineData("sip:example.com", null)]
    [InlineData("sip:@example.com", null)]
    [InlineData("+14155550100", null)]
    [InlineData("", null)]
    public void The_user_part_is_read_from_sip_and_tel_uris_only(string to, string? user)
    {
        Assert.Equal(user, SignalWire.Agents.AspNetCore.Servers.SipRouting.UserPart(to));
    }
}
