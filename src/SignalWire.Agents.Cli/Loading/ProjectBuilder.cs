using System.Diagnostics;

namespace SignalWire.Agents.Cli.Loading;

/// <summary>Builds an agent project with the .NET SDK and finds the assembly it produced.</summary>
internal static class ProjectBuilder
{
    /// <summary>Resolves a directory to its single project file.</summary>
    public static string FindProject(string directory)
    {
        var projects = Directory.GetFiles(directory, "*.csproj");
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new CliException($"No .csproj in '{directory}'. Pass a project file, a project directory or a built .dll."),
            _ => throw new CliException($"Several projects in '{directory}': {string.Join(", ", projects.Select(Path.GetFileName))}. Pass one of them."),
        };
    }

    /// <summary>Builds <paramref name="project"/> and returns the path of its output assembly.</summary>
    public static async Task<string> BuildAsync(string project, string configuration, TextWriter log, CancellationToken cancellationToken)
    {
        var build = await DotnetAsync(["build", project, "-c", configuration, "-nologo", "-v", "q", "-nodeReuse:false"], cancellationToken).ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            await log.WriteLineAsync(build.Output).ConfigureAwait(false);
            throw new CliException($"Building '{project}' failed (dotnet build exit code {build.ExitCode}).");
        }

        var property = await DotnetAsync(["msbuild", project, "-getProperty:TargetPath", $"-p:Configuration={configuration}", "-nologo"], cancellationToken).ConfigureAwait(false);
        var path = property.Output.Trim();
        if (property.ExitCode != 0 || !File.Exists(path))
        {
            throw new CliException($"Built '{project}' but could not find its output assembly ({path}).");
        }

        return path;
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The tool's own host settings must not leak into the child build.
        start.Environment.Remove("DOTNET_HOST_PATH");
        using var process = Process.Start(start) ?? throw new CliException("Could not start 'dotnet'. Is the .NET SDK on PATH?");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)));
    }
}
