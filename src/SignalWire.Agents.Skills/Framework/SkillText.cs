namespace SignalWire.Agents.Skills;

/// <summary>Text helpers the built-in skills share.</summary>
internal static class SkillText
{
    /// <summary><paramref name="text"/> as a tool name: letters, digits and <c>_</c> only, at most 64 characters.</summary>
    public static string ToolName(string text)
    {
        var name = new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
        return name.Length > 64 ? name[..64] : name;
    }

    /// <summary>An <c>Authorization</c> header value with Basic credentials.</summary>
    public static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password));

    /// <summary><paramref name="text"/> cut to at most <paramref name="max"/> characters, at a word break when one is near, with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1, Math.Min(max, 200));
        return text[..(cut > 0 ? cut : max - 1)] + "…";
    }
}
