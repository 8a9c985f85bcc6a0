using System.Text;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Tests.Security;

public sealed class BasicAuthCredentialsTests
{
    private static readonly BasicAuthCredentials Credentials = new("signalwire", "s3cret:with:colons", CredentialSource.Options);

    private static string Header(string pair, string scheme = "Basic") =>
        scheme + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));

    [Fact]
    public void Correct_credentials_pass() => Assert.True(Credentials.Verify(Header("signalwire:s3cret:with:colons")));

    [Fact]
    public void Scheme_is_case_insensitive() => Assert.True(Credentials.Verify(Header("signalwire:s3cret:with:colons", "basic")));

    [Theory]
    [InlineData("signalwire:wrong")]
    [InlineData("other:s3cret:with:colons")]
    [InlineData("signalwire:s3cret:with:colon")]
    [InlineData("signalwire:")]
    [InlineData(":s3cret:with:colons")]
    [InlineData("signalwires3cret")]
    public void Wrong_or_incomplete_credentials_fail(string pair) => Assert.False(Credentials.Verify(Header(pair)));

    // Same length as the configured values, differing in one character at the start, the middle or the end:
    // a comparison that only looked at lengths, or stopped early, would let these through.
    [Theory]
    [InlineData("signalwire:X3cret:with:colons")]
    [InlineData("signalwire:s3cret:wXth:colons")]
    [InlineData("signalwire:s3cret:with:colonX")]
    [InlineData("Xignalwire:s3cret:with:colons")]
    [InlineData("signalwirX:s3cret:with:colons")]
    [InlineData("SIGNALWIRE:s3cret:with:colons")]
    public void A_wrong_value_of_the_right_length_fails(string pair) => Assert.False(Credentials.Verify(Header(pair)));

    [Theory]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic ")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Bearer c2lnbmFsd2lyZTpzM2NyZXQ=")]
    [InlineData("Basicc2lnbmFsd2lyZTpzM2NyZXQ=")]
    public void Malformed_headers_fail(string header) => Assert.False(Credentials.Verify(header));

    [Fact]
    public void Other_schemes_with_the_right_credentials_fail() =>
        Assert.False(Credentials.Verify(Header("signalwire:s3cret:with:colons", "Digest")));

    [Fact]
    public void Invalid_utf8_fails() =>
        Assert.False(Credentials.Verify("Basic " + Convert.ToBase64String([0x73, 0x3A, 0xFF, 0xFE])));

    [Fact]
    public void Non_ascii_passwords_work()
    {
        var credentials = new BasicAuthCredentials("agent", "pässwörd-✓", CredentialSource.Options);
        Assert.True(credentials.Verify(Header("agent:pässwörd-✓")));
        Assert.False(credentials.Verify(Header("agent:passwort-✓")));
    }

    [Fact]
    public void Overlong_headers_fail() => Assert.False(Credentials.Verify("Basic " + new string('A', 8000)));

    [Fact]
    public void ToString_never_reveals_the_password()
    {
        Assert.Equal("signalwire:***", Credentials.ToString());
        Assert.DoesNotContain("s3cret", Credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void User_names_with_a_colon_are_refused() =>
        Assert.Throws<ArgumentException>(() => new BasicAuthCredentials("a:b", "p", CredentialSource.Options));

    [Fact]
    public void Generated_passwords_are_long_and_url_safe()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => SecretGenerator.NewPassword()).ToList();
        Assert.All(passwords, p => Assert.Matches("^[A-Za-z0-9_-]{43}$", p));
        Assert.Equal(50, passwords.Distinct(StringComparer.Ordinal).Count());
    }
}
