using System.Text;

namespace SignalWire.Agents.Auditing;

/// <summary>
/// Makes a value from a request safe to put in a log line: control characters (CR and LF above all, which
/// would let a caller forge a line of its own) and Unicode line separators are written as <c>\uXXXX</c>, and
/// the value is cut at <see cref="MaxLength"/> characters so one request cannot flood the log.
/// </summary>
public static class LogText
{
    /// <summary>Longest value written to a log line, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The value as it may be logged; the same instance when it needs no change.</summary>
    public static string? Safe(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var first = IndexOfUnsafe(value);
        if (first < 0 && value.Length <= MaxLength)
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 16);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxLength)))
        {
            if (IsUnsafe(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (value.Length > MaxLength)
        {
            builder.Append("...(").Append(value.Length).Append(" chars)");
        }

        return builder.ToString();
    }

    private static int IndexOfUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsUnsafe(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
