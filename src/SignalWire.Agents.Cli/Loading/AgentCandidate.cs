namespace SignalWire.Agents.Cli.Loading;

/// <summary>An agent the loaded assembly can create: a subclass with a usable constructor, or a marked factory.</summary>
/// <param name="Name">The name <c>--agent</c> selects it by (type name or factory name).</param>
/// <param name="Source">Where it comes from, e.g. <c>class MyApp.BankAgent</c>.</param>
/// <param name="Create">Creates a fresh instance.</param>
internal sealed record AgentCandidate(string Name, string Source, Func<AgentBase> Create);
