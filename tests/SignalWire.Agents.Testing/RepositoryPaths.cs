using System.Reflection;

namespace SignalWire.Agents.Testing;

/// <summary>Where the repository and the build outputs of its projects are, as seen from a running test.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding <c>SignalWire.Agents.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built in (Debug or Release).</summary>
    public static string Configuration { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built assembly of the project in <paramref name="projectDirectory"/> (relative to the root), which must exist.</summary>
    public static string BuildOutput(string projectDirectory, string assemblyName)
    {
        var path = Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} should have been built with the tests (add a ProjectReference).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignalWire.Agents.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (SignalWire.Agents.slnx) not found above " + AppContext.BaseDirectory);
    }
}
