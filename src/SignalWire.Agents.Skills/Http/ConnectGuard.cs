using System.Net;
using System.Net.Sockets;

namespace SignalWire.Agents.Skills;

/// <summary>
/// The SSRF guard: resolves the host itself, keeps only the addresses a fetched URL may reach, and connects to one
/// of those, so what was checked is what is connected to (a second DNS answer cannot swap in a private address).
/// Runs for every connection, so each redirect's target is checked too.
/// </summary>
internal static class ConnectGuard
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(SkillHttpOptions options)
    {
        var allowAll = options.AllowPrivateNetworks;
        var allowed = options.ParsedNetworks();
        return async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            var permitted = addresses.Where(a => allowAll || NetworkAddresses.IsPublic(a) || allowed.Any(n => n.Contains(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a))).ToArray();
            if (permitted.Length == 0)
            {
                throw new SkillHttpException(SkillHttpFailure.Refused, $"{host} is not on the public internet, and fetched URLs may only reach public addresses.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}
