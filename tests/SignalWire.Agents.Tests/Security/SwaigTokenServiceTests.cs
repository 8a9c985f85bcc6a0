using System.Text;
using Microsoft.Extensions.Time.Testing;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Tests.Security;

public sealed class SwaigTokenServiceTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("secret-one");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private SwaigTokenService Service(string agent = "bank", byte[]? secret = null) =>
        new(secret ?? Secret, agent, TimeSpan.FromHours(1), _time);

    [Fact]
    public void A_minted_token_is_valid_for_its_function_and_call()
    {
        var service = Service();
        var token = service.Mint("transfer_funds", "call-1");
        Assert.Equal(SwaigTokenService.TokenLength, token.Length);
        Assert.Equal(TokenCheck.Valid, service.Check(token, "transfer_funds", "call-1"));
    }

    [Fact]
    public void Tokens_are_url_safe_and_unique()
    {
        var service = Service();
        var tokens = Enumerable.Range(0, 200).Select(_ => service.Mint("f", "c")).ToList();
        Assert.Equal(200, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]+$", t));
    }

    [Fact]
    public void Another_function_is_refused() =>
        Assert.Equal(TokenCheck.Invalid, Service().Check(Service().Mint("get_balance", "call-1"), "transfer_funds", "call-1"));

    [Fact]
    public void Another_call_is_refused()
    {
        var service = Service();
        Assert.Equal(TokenCheck.Invalid, service.Check(service.Mint("transfer_funds", "call-1"), "transfer_funds", "call-2"));
    }

    [Fact]
    public void Another_agent_or_secret_is_refused()
    {
        var token = Service().Mint("f", "call-1");
        Assert.Equal(TokenCheck.Invalid, Service(agent: "other").Check(token, "f", "call-1"));
        Assert.Equal(TokenCheck.Invalid, Service(secret: Encoding.UTF8.GetBytes("secret-two")).Check(token, "f", "call-1"));
    }

    [Fact]
    public void The_same_name_and_secret_on_another_route_is_another_agent()
    {
        var atSales = new SwaigTokenService(Secret, "bank", "/sales", TimeSpan.FromHours(1), _time);
        var atSupport = new SwaigTokenService(Secret, "bank", "/support", TimeSpan.FromHours(1), _time);
        var token = atSales.Mint("f", "call-1");

        Assert.Equal(TokenCheck.Valid, atSales.Check(token, "f", "call-1"));
        Assert.Equal(TokenCheck.Invalid, atSupport.Check(token, "f", "call-1"));
        Assert.Equal(TokenCheck.Invalid, Service().Check(token, "f", "call-1"));
    }

    [Fact]
    public void A_token_expiring_later_than_the_verifier_would_mint_is_refused()
    {
        var generous = new SwaigTokenService(Secret, "bank", TimeSpan.FromHours(2), _time);
        var token = generous.Mint("f", "call-1");

        Assert.Equal(TokenCheck.Invalid, Service().Check(token, "f", "call-1"));
        // Within the allowed clock skew a replica running slightly ahead is still accepted.
        var ahead = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromSeconds(25));
        Assert.Equal(TokenCheck.Valid, Service().Check(new SwaigTokenService(Secret, "bank", TimeSpan.FromHours(1), ahead).Mint("f", "call-1"), "f", "call-1"));
        var tooFarAhead = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromSeconds(45));
        Assert.Equal(TokenCheck.Invalid, Service().Check(new SwaigTokenService(Secret, "bank", TimeSpan.FromHours(1), tooFarAhead).Mint("f", "call-1"), "f", "call-1"));
    }

    [Fact]
    public void The_same_secret_validates_across_instances_like_replicas()
    {
        var replicaA = Service();
        var replicaB = new SwaigTokenService(Encoding.UTF8.GetBytes("secret-one"), "bank", TimeSpan.FromHours(1), _time);
        Assert.Equal(TokenCheck.Valid, replicaB.Check(replicaA.Mint("f", "call-1"), "f", "call-1"));
    }

    [Fact]
    public void Expiry_is_enforced()
    {
        var service = Service();
        var token = service.Mint("f", "call-1");
        _time.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        Assert.Equal(TokenCheck.Valid, service.Check(token, "f", "call-1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TokenCheck.Expired, service.Check(token, "f", "call-1"));
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("call.with.many...dots.")]
    [InlineData("ünïcödé-call")]
    [InlineData("x")]
    public void Call_ids_with_any_characters_are_bound_exactly(string callId)
    {
        var service = Service();
        var token = service.Mint("f", callId);
        Assert.Equal(TokenCheck.Valid, service.Check(token, "f", callId));
        Assert.Equal(TokenCheck.Invalid, service.Check(token, "f", callId + "."));
        Assert.Equal(TokenCheck.Invalid, service.Check(token, "f", callId[..^1]));
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted()
    {
        // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
        var service = Service();
        var token = service.Mint("ab", "c.d");
        Assert.Equal(TokenCheck.Invalid, service.Check(token, "a", "bc.d"));
    }

    [Fact]
    public void Missing_malformed_and_tampered_tokens_are_refused()
    {
        var service = Service();
        var token = service.Mint("f", "call-1");
        Assert.Equal(TokenCheck.Missing, service.Check(string.Empty, "f", "call-1"));
        Assert.Equal(TokenCheck.Malformed, service.Check("not-a-token", "f", "call-1"));
        Assert.Equal(TokenCheck.Malformed, service.Check(token + "A", "f", "call-1"));
        Assert.Equal(TokenCheck.Malformed, service.Check(token[..^1] + "!", "f", "call-1"));
        var flipped = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        Assert.NotEqual(TokenCheck.Valid, service.Check(flipped, "f", "call-1"));
        var tamperedMac = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        Assert.Equal(TokenCheck.Invalid, service.Check(tamperedMac, "f", "call-1"));
    }

    [Fact]
    public void A_request_without_call_id_is_refused()
    {
        var service = Service();
        var token = service.Mint("f", "call-1");
        Assert.Equal(TokenCheck.Invalid, service.Check(token, "f", null));
        Assert.Equal(TokenCheck.Invalid, service.Check(token, "f", string.Empty));
    }

    [Fact]
    public void Extending_the_expiry_breaks_the_signature()
    {
        var service = Service();
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(service.Mint("f", "call-1"));
        bytes[8]++;
        Assert.Equal(TokenCheck.Invalid, service.Check(System.Buffers.Text.Base64Url.EncodeToString(bytes), "f", "call-1"));
    }
}
