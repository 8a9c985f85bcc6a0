using System.Globalization;

namespace SignalWire.Agents.Validation;

/// <summary>Checks for the string formats tool schemas commonly use.</summary>
internal static class FormatCheck
{
    public static bool IsValid(string format, string value) => format switch
    {
        "email" => IsEmail(value),
        "uuid" => Guid.TryParseExact(value, "D", out _),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && value.Contains('T', StringComparison.OrdinalIgnoreCase),
        "time" => TimeOnly.TryParse(value, CultureInfo.InvariantCulture, out _),
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "ipv4" => System.Net.IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3,
        "ipv6" => System.Net.IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "hostname" => Uri.CheckHostName(value) == UriHostNameType.Dns,
        _ => true, // Formats without a check here are annotations, as JSON Schema allows.
    };

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 3 && value.IndexOf('.', at) > at + 1
            && !value.Contains(' ', StringComparison.Ordinal) && !value.EndsWith('.');
    }
}
