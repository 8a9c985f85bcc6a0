using System.Net;

namespace SignalWire.Agents.Skills;

/// <summary>
/// How skills call the network: time limits, retries, response size caps and which addresses a fetched URL may
/// reach. The defaults suit a voice call, where a tool must answer within seconds.
/// </summary>
public sealed class SkillHttpOptions
{
    /// <summary>The whole request to a service, retries included (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One attempt at a service (default 5 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a failed idempotent request (GET, HEAD, PUT, DELETE...) to a service; POST is never retried (default 2).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>One request to a slow service (<see cref="SkillHttpTarget.SlowService"/>), never retried (default 30 s; the platform waits for a tool about a minute).</summary>
    public TimeSpan SlowTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A fetched page (a URL the caller or the AI supplied), redirects included (default 5 s).</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Redirects a fetched page may take; each new address is checked again (default 3).</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>The largest response body read, after decompression; a larger one fails as too large (default 2 MiB).</summary>
    public long MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// Whether fetched URLs may reach loopback, private, link-local, CGNAT, metadata and other non-public addresses
    /// (default <see langword="false"/>). Services you configure (an API's base URL) are not restricted.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Networks (CIDR, such as <c>10.20.0.0/16</c>, or single addresses) fetched URLs may reach although not public.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; set; } = "SignalWire.Agents.Skills/1.0";

    /// <summary>Checks the options; the message names the option.</summary>
    /// <exception cref="AgentConfigurationException">An option is out of range.</exception>
    public void Validate()
    {
        Require(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(5), nameof(Timeout), "must be between 0 and 5 minutes");
        Require(AttemptTimeout > TimeSpan.Zero && AttemptTimeout <= Timeout, nameof(AttemptTimeout), "must be positive and at most Timeout");
        Require(MaxRetries is >= 0 and <= 10, nameof(MaxRetries), "must be between 0 and 10");
        Require(SlowTimeout > TimeSpan.Zero && SlowTimeout <= TimeSpan.FromMinutes(5), nameof(SlowTimeout), "must be between 0 and 5 minutes");
        Require(FetchTimeout > TimeSpan.Zero && FetchTimeout <= TimeSpan.FromMinutes(5), nameof(FetchTimeout), "must be between 0 and 5 minutes");
        Require(MaxRedirects is >= 0 and <= 10, nameof(MaxRedirects), "must be between 0 and 10");
        Require(MaxResponseBytes is >= 1024 and <= 256L * 1024 * 1024, nameof(MaxResponseBytes), "must be between 1 KiB and 256 MiB");
        Require(!string.IsNullOrWhiteSpace(UserAgent), nameof(UserAgent), "must not be empty");
        foreach (var network in AllowedNetworks)
        {
            Require(ParseNetwork(network) is not null, nameof(AllowedNetworks), $"has '{network}', which is not an address or a CIDR network");
        }
    }

    /// <summary>Copies every option onto <paramref name="target"/>.</summary>
    public void CopyTo(SkillHttpOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        (target.Timeout, target.AttemptTimeout, target.MaxRetries) = (Timeout, AttemptTimeout, MaxRetries);
        (target.SlowTimeout, target.FetchTimeout, target.MaxRedirects, target.MaxResponseBytes) = (SlowTimeout, FetchTimeout, MaxRedirects, MaxResponseBytes);
        (target.AllowPrivateNetworks, target.UserAgent) = (AllowPrivateNetworks, UserAgent);
        target.AllowedNetworks.Clear();
        foreach (var network in AllowedNetworks)
        {
            target.AllowedNetworks.Add(network);
        }
    }

    internal IReadOnlyList<IPNetwork> ParsedNetworks() => [.. AllowedNetworks.Select(n => ParseNetwork(n)!.Value)];

    private static IPNetwork? ParseNetwork(string text) =>
        IPNetwork.TryParse(text, out var network) ? network
        : IPAddress.TryParse(text, out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : null;

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new AgentConfigurationException($"SkillHttpOptions.{option} {problem}.");
        }
    }
}
