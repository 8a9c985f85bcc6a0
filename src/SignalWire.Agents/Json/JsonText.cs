using System.Text.Json;
namespace SignalWire.Agents.Json;

/// <summary>
/// Checks, before anything reads a request body, that every string in it can be read: valid UTF-8, and no
/// escaped UTF-16 surrogate without its partner (<c>"\ud800"</c>), which System.Text.Json accepts while
/// parsing but throws on when the string is first read.
/// </summary>
public static class JsonText
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = RequestJson.MaxDepth };

    /// <summary>
    /// Whether <paramref name="utf8"/> is valid UTF-8 whose escaped strings all decode (and, when it has
    /// escapes at all, valid JSON). The parser that follows refuses every other syntax error.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return false;
        }

        // Only a \u escape can encode a surrogate; most bodies have none and skip the second pass.
        return utf8.IndexOf("\\u"u8) < 0 || EscapesDecode(utf8);
    }

    private static bool EscapesDecode(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        Span<char> scratch = stackalloc char[256];
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                    if (length <= scratch.Length)
                    {
                        reader.CopyString(scratch);
                    }
                    else
                    {
                        _ = reader.GetString();
                    }
                }
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
