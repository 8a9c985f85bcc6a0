namespace SignalWire.Rest;

/// <summary>
/// Where and as whom the client calls the SignalWire REST API. Unset values come from <c>SIGNALWIRE_PROJECT_ID</c>,
/// <c>SIGNALWIRE_API_TOKEN</c> and <c>SIGNALWIRE_SPACE</c> (or the <c>SignalWire:Rest</c> configuration section when
/// registered with <c>AddSignalWireRest</c>). The token never appears in <see cref="ToString"/>, logs or exceptions.
/// </summary>
public sealed class SignalWireRestOptions
{
    /// <summary>The project id (the Basic user name).</summary>
    public string? ProjectId { get; set; }

    /// <summary>The API token (the Basic password).</summary>
    public string? ApiToken { get; set; }

    /// <summary>The space: <c>example</c>, <c>example.signalwire.com</c>, or a host.</summary>
    public string? Space { get; set; }

    /// <summary>A full base URL instead of the space (a proxy, or a fake API in tests), such as <c>http://127.0.0.1:5000</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The whole request, retries included (default 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a failed idempotent request (GET, PUT, DELETE); POST and PATCH are never retried (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter, or wait what <c>Retry-After</c> says (default 1 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Fills unset values from the SIGNALWIRE_* variables read through <paramref name="environment"/>.</summary>
    public SignalWireRestOptions WithEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ProjectId ??= Blank(environment("SIGNALWIRE_PROJECT_ID"));
        ApiToken ??= Blank(environment("SIGNALWIRE_API_TOKEN"));
        Space ??= Blank(environment("SIGNALWIRE_SPACE"));
        return this;
    }

    /// <summary>The API's base address: <see cref="BaseAddress"/>, else <c>https://&lt;space&gt;</c> (a bare space name gets <c>.signalwire.com</c>).</summary>
    /// <exception cref="SignalWireConfigurationException">Neither is set, or the space is not a host name.</exception>
    public Uri ResolveBaseAddress()
    {
        if (BaseAddress is not null)
        {
            return BaseAddress.IsAbsoluteUri && BaseAddress.Scheme is "http" or "https"
                ? new Uri(BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
                : throw new SignalWireConfigurationException("BaseAddress must be an absolute http or https URL.");
        }

        var space = Space?.Trim() ?? throw new SignalWireConfigurationException("Set Space (or SIGNALWIRE_SPACE), or BaseAddress.");
        if (space.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            space = space["https://".Length..].TrimEnd('/');
        }

        return SignalWire.Agents.Configuration.SignalWireSpace.ToHost(space) is { } host
            ? new Uri($"https://{host}/")
            : throw new SignalWireConfigurationException($"Space '{space}' is not a host name.");
    }

    /// <summary>Checks that the options can make requests; the message names what is missing, never a value.</summary>
    /// <exception cref="SignalWireConfigurationException">Something is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ProjectId))
        {
            throw new SignalWireConfigurationException("Set ProjectId (or SIGNALWIRE_PROJECT_ID).");
        }

        if (string.IsNullOrWhiteSpace(ApiToken))
        {
            throw new SignalWireConfigurationException("Set ApiToken (or SIGNALWIRE_API_TOKEN).");
        }

        _ = ResolveBaseAddress();
        if (Timeout <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > Timeout || Timeout > TimeSpan.FromMinutes(10))
        {
            throw new SignalWireConfigurationException("Timeout and AttemptTimeout must be positive, AttemptTimeout at most Timeout, Timeout at most 10 minutes.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            throw new SignalWireConfigurationException("RetryDelay must be between 0 and 1 minute.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new SignalWireConfigurationException("MaxRetries must be between 0 and 10.");
        }
    }

    /// <summary>Copies every option onto <paramref name="target"/>.</summary>
    public void CopyTo(SignalWireRestOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        (target.ProjectId, target.ApiToken, target.Space, target.BaseAddress) = (ProjectId, ApiToken, Space, BaseAddress);
        (target.Timeout, target.AttemptTimeout, target.MaxRetries, target.RetryDelay) = (Timeout, AttemptTimeout, MaxRetries, RetryDelay);
    }

    /// <summary>The options without the token.</summary>
    public override string ToString() =>
        $"SignalWireRestOptions {{ ProjectId = {ProjectId}, Space = {Space}, BaseAddress = {BaseAddress}, ApiToken = {(string.IsNullOrEmpty(ApiToken) ? "(none)" : "***")} }}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
