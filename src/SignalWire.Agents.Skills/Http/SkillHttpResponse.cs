using System.Net;
using System.Text;

namespace SignalWire.Agents.Skills;

/// <summary>A response read in full (within the size cap).</summary>
/// <param name="StatusCode">The status.</param>
/// <param name="Body">The body, decompressed.</param>
/// <param name="MediaType">The Content-Type's media type, if any.</param>
/// <param name="Charset">The Content-Type's charset, if any.</param>
/// <param name="FinalUri">The address that answered, after redirects.</param>
public sealed record SkillHttpResponse(HttpStatusCode StatusCode, ReadOnlyMemory<byte> Body, string? MediaType, string? Charset, Uri FinalUri)
{
    /// <summary>The body as text, in its declared charset (UTF-8 when none or unknown).</summary>
    public string Text()
    {
        var encoding = Encoding.UTF8;
        if (Charset is { Length: > 0 })
        {
            try
            {
                encoding = Encoding.GetEncoding(Charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset reads as UTF-8, which replaces what it cannot decode.
            }
        }

        return encoding.GetString(Body.Span);
    }
}
