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

    private static string PasswordInUrls(string document)
    {
        var url = new Uri(System.Text.Json.Nodes.JsonNode.Parse(document)!.AsObject().FunctionUrl("secret_action"));
        return Uri.UnescapeDataString(url.UserInfo.Split(':')[1]);
    }

    [Fact]
    public async Task A_document_fetched_with_the_previous_password_carries_that_password_never_the_current_one()
    {
        await using var server = await AgentTestServer.StartAsync(new TestAgent(AgentTestServer.Options().With(o => o.PreviousBasicAuthPassword = OldPassword)));
        var body = SwaigRequests.SwmlFetch("rotating-call", "+14155550123").ToWireJson();

        using var withOld = await PostAsync(server, "/", body, signature: null, OldPassword);
        using var withCurrent = await PostAsync(server, "/", body, signature: null);
        using var client = server.CreateClient(authenticated: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestCredentials.User}:{OldPassword}")));
        using var getWithOld = await client.GetAsync("/?call_id=rotating-call", TestContext.Current.CancellationToken);
        var oldDocument = await withOld.ReadTextAsync();
        var getDocument = await getWithOld.ReadTextAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (withOld.StatusCode, withCurrent.StatusCode, getWithOld.StatusCode));
        Assert.Equal(OldPassword, PasswordInUrls(oldDocument));
        Assert.Equal(OldPassword, PasswordInUrls(getDocument));
        Assert.Equal(TestCredentials.Password, PasswordInUrls(await withCurrent.ReadTextAsync()));
        Assert.DoesNotContain(TestCredentials.Password, oldDocument, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.Password, getDocument, StringComparison.Ordinal);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Message.Contains("the previous Basic Auth password (SWML_BASIC_AUTH_PASSWORD_PREVIOUS) is still accepted until it is removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Previous_values_stop_being_accepted_at_their_expiry()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));
        var before = new AgentBase(AgentTestServer.Options().With(o => { o.SwaigSecret = OldSecret; o.TimeProvider = clock; }));
        var oldToken = before.Settings.Tokens.Mint("secret_action", "call-1");
        var until = clock.GetUtcNow().AddMinutes(10);
        await using var server = await AgentTestServer.StartAsync(new TestAgent(Rotating().With(o =>
        {
            o.TimeProvider = clock;
            o.PreviousSwaigSecretUntil = until;
            o.PreviousBasicAuthPasswordUntil = until;
            o.PreviousSigningKeyUntil = until;
        })));
        var body = SwaigRequests.Call("secret_action").ToWireJson();
        var path = $"/swaig?__token={oldToken}";

        using var oldPasswordBefore = await PostAsync(server, path, body, Sign(OldKey, server, path, body), OldPassword);
        clock.Advance(TimeSpan.FromMinutes(10));
        using var oldPasswordAfter = await PostAsync(server, path, body, Sign(NewKey, server, path, body), OldPassword);
        using var oldKeyAfter = await PostAsync(server, path, body, Sign(OldKey, server, path, body));
        using var oldTokenAfter = await PostAsync(server, path, body, Sign(NewKey, server, path, body));

        Assert.Equal("""{"response":"done"}""", await oldPasswordBefore.ReadTextAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (oldPasswordAfter.StatusCode, oldKeyAfter.StatusCode, oldTokenAfter.StatusCode));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Message.Contains("the previous token secret (SIGNALWIRE_SWAIG_SECRET_PREVIOUS) is still accepted until 2026-12-08 12:10:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_previous_value_or_an_expiry_without_one_stops_the_start()
    {
        var emptyPassword = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(AgentTestServer.Options().With(o => o.PreviousBasicAuthPassword = ""), _ => null));
        var blankSecret = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(AgentTestServer.Options().With(o => o.PreviousSwaigSecret = " "), _ => null));
        var lonelyExpiry = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(AgentTestServer.Options(),
            name => name == EnvironmentVariables.PreviousBasicAuthPasswordUntil ? "2026-12-09T12:00:00Z" : null));
        var badExpiry = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(AgentTestServer.Options(),
            name => name switch { EnvironmentVariables.PreviousBasicAuthPassword => OldPassword, EnvironmentVariables.PreviousBasicAuthPasswordUntil => "next tuesday", _ => null }));
        var fromEnvironment = AgentSettings.Resolve(AgentTestServer.Options(),
            name => name switch { EnvironmentVariables.PreviousBasicAuthPassword => OldPassword, EnvironmentVariables.PreviousBasicAuthPasswordUntil => "2026-12-09T12:00:00+01:00", _ => null });

        Assert.Equal("AgentOptions.PreviousBasicAuthPassword is set but empty: leave it null when nothing is being rotated out.", emptyPassword.Message);
        Assert.Contains("AgentOptions.PreviousSwaigSecret", blankSecret.Message, StringComparison.Ordinal);
        Assert.Equal("SWML_BASIC_AUTH_PASSWORD_PREVIOUS_UNTIL is set, but SWML_BASIC_AUTH_PASSWORD_PREVIOUS is not: an expiry needs the previous value it ends.", lonelyExpiry.Message);
        Assert.StartsWith("SWML_BASIC_AUTH_PASSWORD_PREVIOUS_UNTIL='next tuesday' is not a date and time", badExpiry.Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 11, 0, 0, TimeSpan.Zero), fromEnvironment.BasicAuth.PreviousPasswordUntil);
        Assert.False(new BasicAuthCredentials("u", "p", null, CredentialSource.Options).Verify("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:"))));
    }
}
