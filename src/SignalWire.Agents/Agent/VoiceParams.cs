namespace SignalWire.Agents;

/// <summary>Voice tuning of one language (<c>languages[].params</c>); each value between 0 and 1.</summary>
/// <param name="Stability">Lower values widen the emotional range (default 0.5).</param>
/// <param name="Similarity">How closely the voice sticks to the original (default 0.75).</param>
public sealed record VoiceParams(double? Stability = null, double? Similarity = null)
{
    internal void Validate()
    {
        foreach (var (value, name) in new[] { (Stability, nameof(Stability)), (Similarity, nameof(Similarity)) })
        {
            if (value is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1.");
            }
        }
    }
}
