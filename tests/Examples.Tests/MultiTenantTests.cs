using MultiTenantExample;

namespace Examples.Tests;

/// <summary>examples/MultiTenant over real HTTP: each request configured from its tenant's row in SQLite, and nothing shared.</summary>
public sealed class MultiTenantTests
{
    [Theory]
    [InlineData("?tenant=acme", "You answer for Acme Plumbing. Greet callers with: \"Acme Plumbing, how can we help?\"", "rime.spore")]
    [InlineData("?tenant=bella", "You answer for Bella Salon. Greet callers with: \"Thank you for calling Bella Salon!\"", "rime.luna")]
    [InlineData("?tenant=nobody'%20OR%20'1'='1", "The business did not say who it is: greet the caller neutrally and take a message.", "rime.spore")]
    [InlineData("", "The business did not say who it is: greet the caller neutrally and take a message.", "rime.spore")]
    public async Task Each_call_gets_its_tenants_greeting_and_voice(string query, string business, string voice)
    {
        await using var server = await AgentTestServer.StartAsync(new MultiTenantAgent(AgentTestServer.Options("multi-tenant")));
        using var client = server.CreateClient();

        var ai = (await client.FetchSwmlAsync("call-1", "/" + query)).Ai();

        var sections = ai["prompt"]!["pom"]!.AsArray();
        Assert.Equal(business, sections.Single(s => (string?)s!["title"] == "Business")!["body"]!.GetValue<string>());
        Assert.Equal(voice, ai["languages"]![0]!["voice"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_tenants_call_leaves_nothing_behind_for_the_next()
    {
        await using var server = await AgentTestServer.StartAsync(new MultiTenantAgent(AgentTestServer.Options("multi-tenant")));
        using var client = server.CreateClient();

        _ = await client.FetchSwmlAsync("call-1", "/?tenant=bella");
        var next = (await client.FetchSwmlAsync("call-2", "/?tenant=acme")).Ai().ToWireJson();

        Assert.DoesNotContain("Bella", next, StringComparison.Ordinal);
        Assert.DoesNotContain("rime.luna", next, StringComparison.Ordinal);
    }
}
