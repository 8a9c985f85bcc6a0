namespace SignalWire.Agents.Security;

/// <summary>What <see cref="ICallStateStore.GetAsync"/> found.</summary>
/// <param name="Available">Whether the store answered; when it did not, <paramref name="Value"/> says nothing.</param>
/// <param name="Value">The live value, or <see langword="null"/> when there is none.</param>
public readonly record struct CallStateRead(bool Available, string? Value)
{
    /// <summary>The store could not answer.</summary>
    public static CallStateRead Unavailable => new(false, null);

    /// <summary>The store answered: no live value.</summary>
    public static CallStateRead Missing => new(true, null);

    /// <summary>The store answered with <paramref name="value"/>.</summary>
    public static CallStateRead Found(string value) => new(true, value);
}
