using SignalWire.Agents.Destinations;

namespace SignalWire.Agents.Tests.Destinations;

public sealed class SipAddressTests
{
    [Theory]
    [InlineData("sip:sales@example.com", "sales", "example.com")]
    [InlineData("SIPS:Sales;user=phone@Example.COM:5061;transport=tls", "Sales", "example.com")]
    [InlineData("<sip:%2B14155550100;isub=12@trunk.example.com?Subject=hi>", "+14155550100", "trunk.example.com")]
    [InlineData("sip:alice:secret@example.com", "alice", "example.com")]
    [InlineData("sip:pbx.example.com", null, "pbx.example.com")]
    [InlineData("sip:@example.com", null, "example.com")]
    [InlineData("sip:desk@[2001:db8::1]:5060", "desk", null)]
    [InlineData("sip:", null, null)]
    public void The_user_and_host_are_read_the_way_a_sip_stack_reads_them(string uri, string? user, string? host)
    {
        Assert.Equal(new SipAddress(user, host), SipAddress.Parse(uri));
    }

    [Theory]
    [InlineData("tel:+14155550100")]
    [InlineData("https://example.com")]
    [InlineData("sales")]
    public void Anything_but_a_sip_uri_is_not_parsed(string value)
    {
        Assert.Null(SipAddress.Parse(value));
    }
}
