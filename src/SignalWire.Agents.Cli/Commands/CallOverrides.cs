using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Loading;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>
/// Changes to the body the fake call sends (<c>--override PATH=VALUE</c>, <c>--override-json PATH=JSON</c>): a dotted
/// path into the SWML-fetch body for <c>--dump-swml</c>, into the tool-call body for <c>--exec</c>
/// (<c>call.state=answered</c>, <c>caller_id_num=+15551230000</c>, <c>global_data={"tier":"gold"}</c>). Missing
/// objects on the path are created; a path through a value that is not an object is an error.
/// </summary>
internal sealed class CallOverrides
{
    private readonly List<(string Path, string[] Segments, JsonNode? Value)> _changes = [];

    /// <summary>No changes.</summary>
    public static CallOverrides None { get; } = new();

    /// <summary>Parses the option values: plain values are strings, <c>--override-json</c> values are JSON.</summary>
    public static CallOverrides Parse(IEnumerable<string> plain, IEnumerable<string> json)
    {
        var overrides = new CallOverrides();
        foreach (var text in plain)
        {
            var (path, value) = CliText.Pair("--override", text);
            overrides.Add("--override", path, JsonValue.Create(value));
        }

        foreach (var text in json)
        {
            var (path, value) = CliText.Pair("--override-json", text);
            overrides.Add("--override-json", path, CliText.ParseJson($"--override-json {path}", value));
        }

        return overrides;
    }

    /// <summary>Applies every change, in order, to <paramref name="body"/> and returns it.</summary>
    public JsonObject ApplyTo(JsonObject body)
    {
        foreach (var (path, segments, value) in _changes)
        {
            var target = body;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                target = target[segments[i]] switch
                {
                    null => (JsonObject)(target[segments[i]] = new JsonObject()),
                    JsonObject inner => inner,
                    _ => throw new CliException($"Override '{path}': '{string.Join('.', segments[..(i + 1)])}' is not an object in the request body."),
                };
            }

            target[segments[^1]] = value?.DeepClone();
        }

        return body;
    }

    private void Add(string option, string path, JsonNode? value)
    {
        var segments = path.Split('.');
        if (segments.Any(string.IsNullOrWhiteSpace))
        {
            throw new CliException($"{option} '{path}': the path must be names separated by dots, like call.state.");
        }

        _changes.Add((path, segments, value));
    }
}
