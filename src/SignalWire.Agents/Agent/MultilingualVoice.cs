
namespace SignalWire.Agents;

/// <summary>The voice used for one language in multilingual mode.</summary>
/// <param name="Language">Base language code, e.g. <c>es</c>, or <c>default</c>.</param>
/// <param name="Voice">Voice name.</param>
/// <param name="Engine">TTS engine.</param>
/// <param name="Model">TTS model.</param>
public sealed record MultilingualVoice(string Language, string Voice, string? Engine = null, string? Model = null);
