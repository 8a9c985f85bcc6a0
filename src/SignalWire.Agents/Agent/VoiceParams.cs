using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>Voice tuning of one language (<c>languages[].params</c>); each value between 0 and 1.</summary>
/// <param name="Stability">Lower values widen the emotional range (default 0.5).</param>
/// <param name="Similarity">How closely the voice sticks to the original (default 0.75).</param>
public sealed record VoiceParams(double? Stability = null, double? Similarity = null)
{
    /// <summary>
    /// Further engine parameters written into <c>params</c> as given. The official SWML schema lists only
    /// <c>stability</c> and <c>similarity</c>, so a document with extra keys does not pass <c>ValidateSwml</c>;
    /// those two names are refused here (use the properties).
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?>? AdditionalParameters { get; init; }

    /// <summary>Whether there is anything to write.</summary>
    internal bool IsEmpty => Stability is null && Similarity is null && AdditionalParameters is not { Count: > 0 };

    internal void Validate()
    {
        foreach (var key in AdditionalParameters?.Keys ?? [])
        {
            if (string.IsNullOrWhiteSpace(key) || key is "stability" or "similarity")
            {
                throw new ArgumentException($"'{key}' cannot be an additional voice parameter.", nameof(AdditionalParameters));
            }
        }

        foreach (var (value, name) in new[] { (Stability, nameof(Stability)), (Similarity, nameof(Similarity)) })
        {
            if (value is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1.");
            }
        }
    }
}
