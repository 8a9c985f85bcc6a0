using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Security;

/// <summary>
/// Replaces the values of sensitive arguments with <c>[REDACTED]</c> before they are logged. A key is
/// sensitive when, ignoring case, '_' and '-', it is one of the default names (password, pin, ssn, card
/// number, cvv, account number, token, secret, ...), ends with one of the longer ones, or is named by the
/// tool or the agent. Nested objects and arrays are searched too.
/// </summary>
public sealed class ArgumentRedactor
{
    /// <summary>Replacement text.</summary>
    public const string Mask = "[REDACTED]";

    private static readonly FrozenSet<string> ExactDefaults = FrozenSet.Create(
        StringComparer.Ordinal, "pin", "ssn", "cvv", "cvc", "otp", "dob", "sin");

    private static readonly string[] SuffixDefaults =
    [
        "password", "passwd", "passcode", "passphrase", "secret", "token", "apikey", "authorization",
        "creditcard", "cardnumber", "securitycode", "accountnumber", "routingnumber", "iban",
        "socialsecuritynumber", "taxid", "privatekey",
    ];

    private static readonly string[][] SuffixesByLastLetter = [.. Enumerable.Range('a', 26).Select(letter => SuffixDefaults.Where(suffix => suffix[^1] == letter).ToArray())];

    /// <summary>Reading a masked copy back accepts whatever depth the writer accepted.</summary>
    private static readonly System.Text.Json.JsonDocumentOptions ReadBack = new() { MaxDepth = 1000 };

    private readonly FrozenSet<string> _extra;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _extraLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExactLookup = ExactDefaults.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Creates a redactor with extra sensitive names.</summary>
    public ArgumentRedactor(IEnumerable<string>? extraKeys = null)
    {
        _extra = (extraKeys ?? []).Select(Normalize).ToFrozenSet(StringComparer.Ordinal);
        _extraLookup = _extra.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether <paramref name="key"/> names sensitive data (for this redactor, plus <paramref name="toolKeys"/>).</summary>
    public bool IsSensitive(string key, IReadOnlySet<string>? toolKeys = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (toolKeys is not null && toolKeys.Contains(key))
        {
            return true;
        }

        // Normalised on the stack: keys come from the caller, and checking one allocates nothing.
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var normalized = Normalize(key, buffer);
        if (ExactLookup.Contains(normalized) || _extraLookup.Contains(normalized))
        {
            return true;
        }

        // Only the suffixes ending in the key's last letter can match (one to four of them, not all seventeen).
        if (normalized.IsEmpty || normalized[^1] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var suffix in SuffixesByLastLetter[normalized[^1] - 'a'])
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes <paramref name="node"/> with sensitive values masked straight to <paramref name="writer"/> (what
    /// <see cref="Redact"/> would produce, without building the copy).
    /// </summary>
    public void WriteRedacted(System.Text.Json.Utf8JsonWriter writer, JsonNode? node, IReadOnlySet<string>? toolKeys = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                for (var i = 0; i < obj.Count; i++)
                {
                    // Indexed: the enumerator is boxed, and every audited call comes through here.
                    var (key, value) = obj.GetAt(i);
                    writer.WritePropertyName(key);
                    if (IsSensitive(key, toolKeys))
                    {
                        writer.WriteStringValue(Mask);
                    }
                    else
                    {
                        WriteRedacted(writer, value, toolKeys);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                for (var i = 0; i < array.Count; i++)
                {
                    WriteRedacted(writer, array[i], toolKeys);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>A copy of <paramref name="node"/> with sensitive values masked: what <see cref="WriteRedacted"/> writes, read back.</summary>
    public JsonNode? Redact(JsonNode? node, IReadOnlySet<string>? toolKeys = null) =>
        node is null ? null : JsonNode.Parse(RedactedUtf8(node, toolKeys), documentOptions: ReadBack);

    /// <summary>The masked JSON text of <paramref name="node"/> (for a log record).</summary>
    internal string RedactToJson(JsonNode? node, IReadOnlySet<string>? toolKeys = null) =>
        System.Text.Encoding.UTF8.GetString(RedactedUtf8(node, toolKeys));

    private ReadOnlySpan<byte> RedactedUtf8(JsonNode? node, IReadOnlySet<string>? toolKeys)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, Json.SwmlJson.WriterOptions))
        {
            WriteRedacted(writer, node, toolKeys);
        }

        return buffer.WrittenSpan;
    }

    private static string Normalize(string key)
    {
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        return new string(Normalize(key, buffer));
    }

    private static ReadOnlySpan<char> Normalize(string key, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in key)
        {
            if (c is not ('_' or '-' or ' ' or '.'))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return buffer[..n];
    }
}
