namespace SignalWire.Agents.Skills;

/// <summary>Turning a fetched response into text by its media type.</summary>
internal static class WebPages
{
    /// <summary>The readable text of an HTML or plain-text response; <see langword="null"/> for anything else (images, PDFs...).</summary>
    public static string? Text(SkillHttpResponse response) => response.MediaType switch
    {
        "text/html" or "application/xhtml+xml" or null => HtmlText.MainText(HtmlText.Parse(response.Text())),
        "text/plain" or "text/markdown" => HtmlText.Collapse(response.Text()),
        _ => null,
    };
}
