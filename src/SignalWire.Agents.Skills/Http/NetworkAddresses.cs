using System.Net;
using System.Net.Sockets;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Tells public internet addresses from the rest: loopback, private (RFC 1918, unique-local), link-local (and so
/// the cloud metadata address 169.254.169.254), CGNAT, benchmarking, documentation, multicast, reserved, and the
/// IPv6 forms that carry an IPv4 address (mapped, translated, NAT64, 6to4), which are judged by that address, and
/// local-use NAT64 (<c>64:ff9b:1::/48</c>).
/// </summary>
public static class NetworkAddresses
{
    private static readonly IPNetwork[] NonPublicV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
    ];

    private static readonly IPNetwork[] NonPublicV6 =
    [
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("100::/64"), IPNetwork.Parse("2001::/23"),
        IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),

        // NAT64 for local use (RFC 8215): what it reaches is the operator's own network.
        IPNetwork.Parse("64:ff9b:1::/48"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>IPv4-translated addresses (<c>::ffff:0:a.b.c.d</c>, SIIT), which carry an IPv4 address like the mapped form.</summary>
    private static readonly IPNetwork Translated = IPNetwork.Parse("::ffff:0:0:0/96");

    /// <summary>Whether <paramref name="address"/> is a public (globally routed unicast) address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !NonPublicV4.Any(n => n.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || Translated.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (SixToFour.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }

        // The deprecated IPv4-compatible form (::a.b.c.d) is never routed.
        return !NonPublicV6.Any(n => n.Contains(address)) && bytes.AsSpan(0, 12).ContainsAnyExcept((byte)0);
    }
}
