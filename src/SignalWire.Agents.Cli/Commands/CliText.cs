using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Loading;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>Parsing of option values, with errors that name the option and say what was expected.</summary>
internal static class CliText
{
    /// <summary>Splits a <c>name=value</c> option value.</summary>
    public static (string Name, string Value) Pair(string option, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? (text[..equals], text[(equals + 1)..])
            : throw new CliException($"{option} '{text}' must look like name=value.");
    }

    /// <summary>Parses JSON; <paramref name="what"/> names the value in the error.</summary>
    public static JsonNode? ParseJson(string what, string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{what} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Parses the JSON object given to <paramref name="option"/>.</summary>
    public static JsonObject ParseObject(string option, string text) =>
        ParseJson(option, text) as JsonObject ?? throw new CliException($"{option} must be a JSON object.");
}
