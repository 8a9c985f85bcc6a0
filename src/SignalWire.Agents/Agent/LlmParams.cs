using System.Text.Json.Nodes;

namespace SignalWire.Agents;

/// <summary>LLM parameters of a prompt; values left <see langword="null"/> are not sent.</summary>
public sealed record LlmParams
{
    /// <summary>Randomness, 0–1.5.</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling, 0–1.</summary>
    public double? TopP { get; init; }

    /// <summary>Speech-detect threshold, 0–1.</summary>
    public double? Confidence { get; init; }

    /// <summary>−2 to 2.</summary>
    public double? PresencePenalty { get; init; }

    /// <summary>−2 to 2.</summary>
    public double? FrequencyPenalty { get; init; }

    /// <summary>0–4096.</summary>
    public int? MaxTokens { get; init; }

    internal void CopyTo(JsonObject target)
    {
        Set(target, "max_tokens", MaxTokens, 0, 4096);
        Set(target, "temperature", Temperature, 0, 1.5);
        Set(target, "top_p", TopP, 0, 1);
        Set(target, "confidence", Confidence, 0, 1);
        Set(target, "presence_penalty", PresencePenalty, -2, 2);
        Set(target, "frequency_penalty", FrequencyPenalty, -2, 2);
    }

    private static void Set(JsonObject target, string key, double? value, double min, double max)
    {
        if (value is not { } v)
        {
            return;
        }

        if (v < min || v > max || double.IsNaN(v))
        {
            throw new ArgumentOutOfRangeException(key, v, $"{key} must be between {min} and {max}.");
        }

        target[key] = key == "max_tokens" ? JsonValue.Create((int)v) : JsonValue.Create(v);
    }
}
