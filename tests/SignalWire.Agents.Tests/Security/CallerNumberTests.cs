using SignalWire.Agents.Verification;

namespace SignalWire.Agents.Tests.Security;

public sealed class CallerNumberTests
{
    [Theory]
    [InlineData("+15550003333")]
    [InlineData("15550003333")]
    [InlineData("+1 555 000 3333")]
    [InlineData("tel:+1-555-000-3333")]
    [InlineData("+1-555-000-3333")]
    [InlineData("+1(555)000-3333")]
    [InlineData("1-555-000-3333")]
    [InlineData(" +1.555.000.3333 ")]
    [InlineData("+1/555/000/3333")]
    [InlineData("sip:+15550003333@pstn.example.com")]
    [InlineData("<sip:15550003333;user=phone@pstn.example.com>")]
    [InlineData("sip:%2B15550003333@pstn.example.com")]
    [InlineData("tel:+15550003333;phone-context=example.com")]
    [InlineData("\uFF0B\uFF11\uFF15\uFF15\uFF15\uFF10\uFF10\uFF10\uFF13\uFF13\uFF13\uFF13")]
    public void Every_spelling_of_one_number_is_one_caller(string spelling)
    {
        Assert.Equal("+15550003333", CallerNumber.Normalize(spelling));
    }

    [Fact]
    public void A_national_trunk_prefix_after_the_country_code_is_dropped()
    {
        Assert.Equal("+442079460000", CallerNumber.Normalize("+44 (0)20 7946 0000"));
        Assert.Equal("+442079460000", CallerNumber.Normalize("+44 20 7946 0000"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anonymous")]
    [InlineData("Restricted")]
    [InlineData("+1 555 000 3333 ext 2")]
    [InlineData("+1234567890123456")]
    [InlineData("12")]
    [InlineData("1+5550003333")]
    [InlineData("sip:+15550003333@evil.example.net@pstn.example.com")]
    [InlineData("sip:+15550003333%00@pstn.example.com")]
    public void What_is_not_a_usable_number_has_none_and_shares_the_no_number_key(string? caller)
    {
        Assert.Null(CallerNumber.Normalize(caller));
        Assert.Equal(CallerNumber.NoNumberKey, CallerNumber.KeyOf(caller));
    }

    [Fact]
    public void A_named_sip_caller_is_keyed_by_user_and_host_in_lower_case()
    {
        Assert.Equal("sip:alice@pbx.example.com", CallerNumber.Normalize("sip:Alice@PBX.example.com:5060;transport=tls"));
        Assert.Equal(CallerNumber.Normalize("sip:alice@pbx.example.com"), CallerNumber.Normalize("<sips:ALICE@pbx.example.com>"));
    }
}
