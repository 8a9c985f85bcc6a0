using SignalWire.Agents.Configuration;

namespace SignalWire.Agents.Tests.Configuration;

public sealed class SignalWireSpaceTests
{
    [Theory]
    [InlineData("example", "example.signalwire.com")]
    [InlineData(" example ", "example.signalwire.com")]
    [InlineData("example.signalwire.com", "example.signalwire.com")]
    [InlineData("relay.eu.example.net", "relay.eu.example.net")]
    [InlineData("bad host!", null)]
    [InlineData("https://example.signalwire.com", null)]
    public void A_bare_name_is_a_signalwire_com_host_and_anything_else_must_be_a_host(string space, string? expected) =>
        Assert.Equal(expected, SignalWireSpace.ToHost(space));
}
