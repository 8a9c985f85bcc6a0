namespace SignalWire.Agents;

/// <summary>A directory of files the agent's host serves under <see cref="Route"/> (below the agent's own route).</summary>
/// <param name="Route">Where the files are served, e.g. <c>/assets</c>.</param>
/// <param name="Directory">The directory's full path.</param>
/// <param name="IsPublic">Served without Basic Auth.</param>
/// <param name="MaxAge">How long clients may cache a file (<c>Cache-Control: max-age</c>).</param>
public sealed record StaticFileMount(string Route, string Directory, bool IsPublic, TimeSpan MaxAge);
