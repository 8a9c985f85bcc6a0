namespace SignalWire.Agents.Json;

/// <summary>The rule every URL the SDK puts on the wire for the platform to call follows.</summary>
internal static class WireUrl
{
    /// <summary>Whether <paramref name="url"/> is absolute and http or https.</summary>
    public static bool IsAbsoluteHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
