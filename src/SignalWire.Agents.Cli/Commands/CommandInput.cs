using Microsoft.Extensions.Logging;
using SignalWire.Agents.Cli.Hosting;

namespace SignalWire.Agents.Cli.Commands;

/// <summary>Everything a command needs from the command line, already parsed.</summary>
internal sealed record CommandInput
{
    public required FakeCall Call { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? ArgumentsJson { get; init; }

    /// <summary>The code <c>--verify</c> passes to <c>verify_caller</c> before the tool runs.</summary>
    public string? VerificationCode { get; init; }

    public IReadOnlyList<string> Headers { get; init; } = [];

    public IReadOnlyList<string> Query { get; init; } = [];

    public string? Body { get; init; }

    public bool Raw { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Changes to the request body (<c>--override</c>, <c>--override-json</c>).</summary>
    public CallOverrides Overrides { get; init; } = CallOverrides.None;

    /// <summary><c>--live</c>: a DataMap tool's webhooks are requested for real (through the SSRF guard).</summary>
    public bool Live { get; init; }

    /// <summary><c>--live-allow-private</c>: live webhooks may reach loopback and private networks (a service on this machine).</summary>
    public bool LiveAllowPrivate { get; init; }

    /// <summary>The platform <c>--simulate-serverless</c> stands for, if any.</summary>
    public ServerlessSimulation? Simulation { get; init; }

    /// <summary>Where <c>--verbose</c> prints each gate's decision (standard error).</summary>
    public TextWriter Diagnostics { get; init; } = TextWriter.Null;

    /// <summary>With <c>--verbose</c>, prints each pipeline gate's decision until disposed; otherwise nothing.</summary>
    public IDisposable? TraceGates() => Verbose ? GateTrace.Start(Diagnostics) : null;

    /// <summary>How much of the agent's log reaches standard error: errors by default, none with <c>--raw</c>, everything with <c>--verbose</c>.</summary>
    public LogLevel LogLevel => Raw ? LogLevel.None : Verbose ? LogLevel.Debug : LogLevel.Error;

    /// <summary>The <c>--header</c> values as (name, value) pairs.</summary>
    public IEnumerable<(string Name, string Value)> HeaderPairs() => Headers.Select(h => CliText.Pair("--header", h));
}
