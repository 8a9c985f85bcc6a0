using System.Diagnostics;

namespace SignalWire.Agents.Cli.Tests;

/// <summary>Runs the built <c>swaig-test</c> as a separate process, with a clean, explicit environment.</summary>
internal static class SwaigTest
{
    public static string Tool => RepositoryPaths.BuildOutput(Path.Combine("src", "SignalWire.Agents.Cli"), "SignalWire.Agents.Cli");

    public static string SecureAgent => RepositoryPaths.BuildOutput(Path.Combine("examples", "SecureAgent"), "SecureAgent");

    public static string MultiAgent => RepositoryPaths.BuildOutput(Path.Combine("examples", "MultiAgent"), "MultiAgent");

    public static string TestAgents => RepositoryPaths.BuildOutput(Path.Combine("tests", "CliTestAgents"), "CliTestAgents");

    /// <summary>Environment of a production-ready deployment of the example: every checklist item satisfied.</summary>
    public static Dictionary<string, string> Hardened(string auditDirectory) => new()
    {
        ["SWML_PROXY_URL_BASE"] = "https://bank.example.com",
        ["SWML_BASIC_AUTH_USER"] = "bank-platform",
        ["SWML_BASIC_AUTH_PASSWORD"] = "p4ssw0rd-that-is-long-enough-for-production-use",
        ["SIGNALWIRE_SWAIG_SECRET"] = "a-shared-token-secret-of-forty-characters!",
        ["SIGNALWIRE_SIGNING_KEY"] = "PSK_test_signing_key",
        ["SWML_AUDIT_LOG_PATH"] = Path.Combine(auditDirectory, "audit.jsonl"),
        ["SWML_ONE_TIME_TOKENS"] = "true",
    };

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing from the machine's environment may change the agent's settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SWML_", StringComparison.Ordinal) || k.StartsWith("SIGNALWIRE_", StringComparison.Ordinal) || k is "PORT" or "AGENT_EMERGENCY_MODE").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);

    internal sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }
}
