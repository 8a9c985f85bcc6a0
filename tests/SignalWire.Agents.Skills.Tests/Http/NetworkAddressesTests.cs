using System.Net;

namespace SignalWire.Agents.Skills.Tests.Http;

public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("::ffff:0:808:808")]
    public void Public_addresses_are_public(string address) => Assert.True(NetworkAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fc00::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::1")]
    [InlineData("2001:0:4136:e378::1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b:1::7f00:1")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("::ffff:0:7f00:1")]
    [InlineData("::ffff:0:127.0.0.1")]
    [InlineData("0:0:0:0:0:ffff:7f00:1")]
    [InlineData("::ffff:0:a9fe:a9fe")]
    public void Loopback_private_link_local_metadata_and_their_IPv6_forms_are_not(string address) =>
        Assert.False(NetworkAddresses.IsPublic(IPAddress.Parse(address)));
}
