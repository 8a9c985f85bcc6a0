using System.Collections.Frozen;

namespace SignalWire.Agents.Swaig;

/// <summary>Rules for SWAIG function names.</summary>
public static class ToolNames
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Names the platform or the SDK uses itself: the contexts/steps navigation functions, the native
    /// functions, and <c>post_prompt</c>, which names the summary callback's token.
    /// </summary>
    public static readonly FrozenSet<string> Reserved = FrozenSet.Create(
        StringComparer.Ordinal,
        "next_step",
        "change_context",
        "gather_submit",
        "check_time",
        "wait_seconds",
        "wait_for_user",
        "adjust_response_latency",
        "post_prompt");

    /// <summary>Whether <paramref name="name"/> has the shape <c>^[A-Za-z_][A-Za-z0-9_]*$</c> and fits <see cref="MaxLength"/>.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxLength || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when <paramref name="name"/> cannot name a tool.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsWellFormed(name))
        {
            throw new ArgumentException(
                $"Tool name '{name}' is invalid: use letters, digits and '_', start with a letter or '_', at most {MaxLength} characters.",
                nameof(name));
        }

        if (Reserved.Contains(name))
        {
            throw new ArgumentException($"Tool name '{name}' is reserved by the platform.", nameof(name));
        }
    }
}
