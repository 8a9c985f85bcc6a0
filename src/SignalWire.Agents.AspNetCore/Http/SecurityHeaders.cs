using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>Headers every agent response carries.</summary>
internal static class SecurityHeaders
{
    /// <summary>The <c>Strict-Transport-Security</c> value, or <see langword="null"/> when HTTPS or HSTS is off.</summary>
    public static string? HstsValue(AgentSettings settings) =>
        settings.SslEnabled && settings.UseHsts ? $"max-age={settings.HstsMaxAge}; includeSubDomains" : null;

    /// <summary>Adds the hardening headers; <paramref name="noStore"/> also forbids caching.</summary>
    public static void Apply(HttpResponse response, bool noStore = true)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        if (noStore)
        {
            headers.CacheControl = "no-store";
        }
    }
}
