namespace SignalWire.Agents;

/// <summary>Files served beside the agent (a browser widget, hold music, documents).</summary>
public partial class AgentBase
{
    private static readonly string[] AgentPaths = ["swaig", "post_prompt", DebugEventsRoute];

    /// <summary>
    /// Serves the files in <paramref name="directory"/> under <paramref name="route"/> (below the agent's route),
    /// behind the agent's Basic Auth unless <paramref name="isPublic"/>. The host serves them with ASP.NET Core's
    /// static files: only known file types, no directory listing, no path out of the directory, no hidden files;
    /// <c>Cache-Control</c> allows caching for <paramref name="maxAge"/> (default one hour), privately when
    /// authentication is required.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="ArgumentException">The route is the agent's own (<c>/</c>) or one of its endpoints, or already serves files.</exception>
    public AgentBase ServeStaticFiles(string directory, string route = "/static", bool isPublic = false, TimeSpan? maxAge = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Static files directory '{full}' does not exist.");
        }

        var normalized = AgentSettings.NormalizeRoute(route);
        var first = normalized.TrimStart('/').Split('/')[0];
        if (normalized.Length == 0 || AgentPaths.Contains(first, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Static files need a route of their own, not '{route}' (the agent's SWML and /swaig, /post_prompt, /{DebugEventsRoute} live there).", nameof(route));
        }

        var age = maxAge ?? TimeSpan.FromHours(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(age, TimeSpan.Zero, nameof(maxAge));
        var mount = new StaticFileMount(normalized, full, isPublic, age);
        return Mutate(() =>
        {
            if (_state.StaticFiles.Any(m => string.Equals(m.Route, normalized, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"Route '{normalized}' already serves static files.", nameof(route));
            }

            _state.StaticFiles = _state.StaticFiles.Add(mount);
        });
    }

    /// <summary>The directories served beside the agent.</summary>
    public IReadOnlyList<StaticFileMount> StaticFiles
    {
        get
        {
            lock (_gate)
            {
                return _state.StaticFiles;
            }
        }
    }
}
