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

    /// <summary>
    /// Further keys merged into the prompt object as given (for platform parameters this type does not name yet,
    /// such as <c>barge_confidence</c>). The official SWML schema lists only the named ones, so a document with
    /// extra keys does not pass <c>ValidateSwml</c>. A key that a property above names, or <c>text</c>,
    /// <c>pom</c> or <c>contexts</c>, is refused.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?>? AdditionalParameters { get; init; }

    private static readonly string[] OwnKeys = ["max_tokens", "temperature", "top_p", "confidence", "presence_penalty", "frequency_penalty", "text", "pom", "contexts"];

    internal void CopyTo(JsonObject target)
    {
        foreach (var (key, value) in AdditionalParameters ?? new Dictionary<string, JsonNode?>())
        {
            if (string.IsNullOrWhiteSpace(key) || OwnKeys.Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException($"'{key}' cannot be an additional LLM parameter: it is empty or set by its own property or by the prompt.");
            }
        }

        Set(target, "max_tokens", MaxTokens, 0, 4096);
        Set(target, "temperature", Temperature, 0, 1.5);
        Set(target, "top_p", TopP, 0, 1);
        Set(target, "confidence", Confidence, 0, 1);
        Set(target, "presence_penalty", PresencePenalty, -2, 2);
        Set(target, "frequency_penalty", FrequencyPenalty, -2, 2);
        foreach (var (key, value) in AdditionalParameters ?? new Dictionary<string, JsonNode?>())
        {
            target[key] = value?.DeepClone();
        }
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
