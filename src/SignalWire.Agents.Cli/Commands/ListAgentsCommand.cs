using SignalWire.Agents.Cli.Loading;

namespace SignalWire.Agents.Cli.Commands;

/// <summary><c>--list-agents</c>: the agents the assembly can create.</summary>
internal static class ListAgentsCommand
{
    public static int Run(TextWriter output, IReadOnlyList<AgentCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            throw new CliException(AgentLoader.NoAgentFound);
        }

        var width = candidates.Max(c => c.Name.Length);
        foreach (var candidate in candidates)
        {
            output.WriteLine($"{candidate.Name.PadRight(width)}  {candidate.Source}");
        }

        return 0;
    }
}
