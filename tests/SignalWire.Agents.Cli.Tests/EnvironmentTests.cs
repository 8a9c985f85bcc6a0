namespace SignalWire.Agents.Cli.Tests;

/// <summary>--env and --env-file: the settings a deployment would give the agent, for one run.</summary>
public sealed class EnvironmentTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("swaig-env-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_file_and_pairs_give_the_audit_a_hardened_deployment()
    {
        var hardened = SwaigTest.Hardened(_directory.FullName);
        var file = Path.Combine(_directory.FullName, "production.env");
        File.WriteAllLines(file,
        [
            "# production settings",
            string.Empty,
            .. hardened.Where(p => p.Key != "SWML_ONE_TIME_TOKENS" && p.Key != "SIGNALWIRE_SIGNING_KEY").Select((p, i) => i % 2 == 0 ? $"export {p.Key}=\"{p.Value}\"" : $"{p.Key}={p.Value}"),
            "SIGNALWIRE_SIGNING_KEY=overridden-below",
        ]);

        var result = await SwaigTest.RunAsync("audit", SwaigTest.SecureAgent, "--json", "--env-file", file, "--env", "SWML_ONE_TIME_TOKENS=true", "--env", "SIGNALWIRE_SIGNING_KEY=PSK_test_signing_key");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("p4ssw0rd", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_files_lines_and_names_are_clear_errors()
    {
        var file = Path.Combine(_directory.FullName, "broken.env");
        File.WriteAllLines(file, ["GOOD=1", "this line has no equals sign"]);

        var badLine = await SwaigTest.RunAsync("audit", SwaigTest.SecureAgent, "--env-file", file);
        var missing = await SwaigTest.RunAsync("audit", SwaigTest.SecureAgent, "--env-file", Path.Combine(_directory.FullName, "nope.env"));
        var badName = await SwaigTest.RunAsync(SwaigTest.SecureAgent, "--list-tools", "--env", "1BAD=x");

        Assert.Equal((1, $"error: {file} line 2: expected NAME=VALUE with a name of letters, digits and '_'."), (badLine.ExitCode, badLine.Error.Trim()));
        Assert.Equal((1, $"error: Environment file '{Path.Combine(_directory.FullName, "nope.env")}' was not found."), (missing.ExitCode, missing.Error.Trim()));
        Assert.Equal((1, "error: --env '1BAD': expected NAME=VALUE with a name of letters, digits and '_'."), (badName.ExitCode, badName.Error.Trim()));
    }
}
