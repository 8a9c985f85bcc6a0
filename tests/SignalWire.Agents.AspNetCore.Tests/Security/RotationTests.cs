using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>Rotating the token secret, the Basic Auth password and the signing key without downtime.</summary>
public sealed class RotationTests
{
    private const string OldSecret = "old-token-secret-0123456789abcdef";
    private const string NewSecret = "new-token-secret-0123456789abcdef";
    private const string OldPassword = "old-password-0123456789abcdefgh";
    private const string OldKey = "PSK_old_signing_key";
    private const string NewKey = "PSK_new_signing_key";

    private static AgentOptions Rotating() => AgentTestServer.Options().With(o =>
    {
        o.SwaigSecret = NewSecret;
        o.PreviousSwaigSecret = OldSecret;
        o.PreviousBasicAuthPassword = OldPassword;
        o.SigningKey = NewKey;
        o.PreviousSigningKey = OldKey;
        o.AllowedHosts = ["127.0.0.1"];
    });

    private static string Sign(string key, AgentTestServer server, string pathAndQuery, string body) =>
        WebhookSignature.ComputeHex(Encoding.UTF8.GetBytes(key), $"http://127.0.0.1:{server.BaseAddress.Port}{pathAndQuery}", Encoding.UTF8.GetBytes(body));

    private static async Task<HttpResponseMessage> PostAsync(AgentTestServer server, string pathAndQuery, string body, string? signature, string password = TestCredentials.Password)
    {
        using var client = server.CreateClient(authenticated: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestCredentials.User}:{password}")));
        if (signature is not null)
        {
            request.Headers.Add("X-SignalWire-Signature", signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_token_minted_before_the_rotation_still_runs_its_tool_and_new_tokens_use_the_new_secret()
    {
        var before = new AgentBase(AgentTestServer.Options().With(o => o.SwaigSecret = OldSecret));
        var oldToken = before.Settings.Tokens.Mint("secret_action", "call-1");
        var agent = new TestAgent(Rotating());
        var newToken = agent.Settings.Tokens.Mint("secret_action", "call-1");
        await using var server = await AgentTestServer.StartAsync(agent);
        var body = SwaigRequests.Call("secret_action").ToWireJson();

        using var withOld = await PostAsync(server, $"/swaig?__token={oldToken}", body, Sign(NewKey, server, $"/swaig?__token={oldToken}", body));
        using var withNew = await PostAsync(server, $"/swaig?__token={newToken}", body, Sign(NewKey, server, $"/swaig?__token={newToken}", body));

        Assert.Equal("""{"response":"done"}""", await withOld.ReadTextAsync());
        Assert.Equal("""{"response":"done"}""", await withNew.ReadTextAsync());
        Assert.Equal(TokenCheck.Invalid, before.Settings.Tokens.Check(newToken, "secret_action", "call-1"));
        var afterRotation = new AgentBase(AgentTestServer.Options().With(o => o.SwaigSecret = NewSecret));
        Assert.Equal(TokenCheck.Invalid, afterRotation.Settings.Tokens.Check(oldToken, "secret_action", "call-1"));
    }

    [Fact]
    public async Task The_previous_password_and_signing_key_are_accepted_and_nothing_else_is()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(Rotating()));
        var body = SwaigRequests.Call("echo", new System.Text.Json.Nodes.JsonObject { ["text"] = "hi" }).ToWireJson();

        using var currentBoth = await PostAsync(server, "/swaig", body, Sign(NewKey, server, "/swaig", body));
        using var oldPassword = await PostAsync(server, "/swaig", body, Sign(NewKey, server, "/swaig", body), OldPassword);
        using var oldKey = await PostAsync(server, "/swaig", body, Sign(OldKey, server, "/swaig", body));
        using var otherPassword = await PostAsync(server, "/swaig", body, Sign(NewKey, server, "/swaig", body), "other-password-0123456789abcde");
        using var otherKey = await PostAsync(server, "/swaig", body, Sign("PSK_someone_else", server, "/swaig", body));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (currentBoth.StatusCode, oldPassword.StatusCode, oldKey.StatusCode));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (otherPassword.StatusCode, otherKey.StatusCode));
    }

    [Fact]
    public void Previous_values_come_from_the_environment_and_need_a_current_one()
    {
        var environment = new Dictionary<string, string>
        {
            [EnvironmentVariables.SwaigSecret] = NewSecret,
            [EnvironmentVariables.PreviousSwaigSecret] = OldSecret,
            [EnvironmentVariables.BasicAuthPassword] = "current-password-0123456789abcd",
            [EnvironmentVariables.PreviousBasicAuthPassword] = OldPassword,
        };
        var settings = AgentSettings.Resolve(new AgentOptions(), name => environment.GetValueOrDefault(name));
        var oldToken = new SwaigTokenService(Encoding.UTF8.GetBytes(OldSecret), "agent", string.Empty, TimeSpan.FromHours(1), TimeProvider.System).Mint("f", "c");

        Assert.True(settings.BasicAuth.AcceptsPreviousPassword);
        Assert.True(settings.BasicAuth.Verify("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"signalwire:{OldPassword}"))));
        Assert.Equal(TokenCheck.Valid, settings.Tokens.Check(oldToken, "f", "c"));

        var noCurrentSecret = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(new AgentOptions { PreviousSwaigSecret = OldSecret }, _ => null));
        var noCurrentPassword = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(new AgentOptions { SwaigSecret = "s", PreviousBasicAuthPassword = OldPassword }, _ => null));
        var noCurrentKey = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(new AgentOptions { SwaigSecret = "s", PreviousSigningKey = OldKey }, _ => null));
        Assert.Equal("A previous token secret is set, but no current one (SIGNALWIRE_SWAIG_SECRET): a rotation needs the new value as the current one.", noCurrentSecret.Message);
        Assert.Contains(EnvironmentVariables.BasicAuthPassword, noCurrentPassword.Message, StringComparison.Ordinal);
        Assert.Contains(EnvironmentVariables.SigningKey, noCurrentKey.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OldSecret, noCurrentSecret.Message, StringComparison.Ordinal);
    }
}
