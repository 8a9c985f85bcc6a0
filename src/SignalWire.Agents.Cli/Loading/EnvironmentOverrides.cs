using System.Text.RegularExpressions;

namespace SignalWire.Agents.Cli.Loading;

/// <summary>
/// Environment variables set for one command (<c>--env NAME=VALUE</c>, <c>--env-file PATH</c>) and restored when it
/// ends, so an agent can be tried with the settings a deployment would give it. Values are never printed.
/// </summary>
internal sealed partial class EnvironmentOverrides : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    private EnvironmentOverrides()
    {
    }

    /// <summary>Reads <paramref name="files"/> (in order, then <paramref name="pairs"/>, later ones winning) and sets the variables.</summary>
    /// <exception cref="CliException">A file is missing, or a line or pair is not <c>NAME=VALUE</c> with a valid name.</exception>
    public static EnvironmentOverrides Apply(IEnumerable<string> pairs, IEnumerable<string> files, IReadOnlyDictionary<string, string>? defaults = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in defaults ?? new Dictionary<string, string>())
        {
            // A simulated platform's variables, unless this environment already sets them: files and --env come next.
            if (Environment.GetEnvironmentVariable(name) is null)
            {
                values[name] = value;
            }
        }

        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new CliException($"Environment file '{file}' was not found.");
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var text = line.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                var (name, value) = Split(text.StartsWith("export ", StringComparison.Ordinal) ? text[7..].TrimStart() : text, $"{file} line {number}");
                values[name] = Unquote(value);
            }
        }

        foreach (var pair in pairs)
        {
            var (name, value) = Split(pair, $"--env '{NameOf(pair)}'");
            values[name] = value;
        }

        var overrides = new EnvironmentOverrides();
        foreach (var (name, value) in values)
        {
            overrides._previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }

        return overrides;
    }

    /// <summary>Puts every variable back as it was.</summary>
    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _previous.Clear();
    }

    private static (string Name, string Value) Split(string text, string where)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? text : text[..equals].Trim();
        return equals > 0 && Name().IsMatch(name)
            ? (name, text[(equals + 1)..].Trim())
            : throw new CliException($"{where}: expected NAME=VALUE with a name of letters, digits and '_'.");
    }

    private static string NameOf(string pair) => pair.Split('=', 2)[0];

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' ? value[1..^1] : value;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();
}
