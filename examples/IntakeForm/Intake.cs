using SignalWire.Agents;
using SignalWire.Agents.Prefabs;

namespace IntakeFormExample;

/// <summary>
/// A clinic's new-patient intake built on the <see cref="InfoGathererAgent"/> prefab: four questions asked one at a
/// time, the date of birth read back for confirmation, and the answers handed to a callback once all are in (a real
/// clinic stores them in its patient system).
/// </summary>
public static class Intake
{
    /// <summary>The questions, in order.</summary>
    public static readonly InfoQuestion[] Questions =
    [
        new("full_name", "What is your full name?"),
        new("date_of_birth", "What is your date of birth?", Confirm: true),
        new("reason", "What is the reason for your visit?"),
        new("insurance", "Who is your insurance provider?"),
    ];

    /// <summary>Creates the agent with its default name and no completion callback (for <c>swaig-test</c> and <c>dotnet run</c>).</summary>
    [AgentFactory(Name = "intake")]
    public static InfoGathererAgent Create() => Create(null, null);

    /// <summary>Creates the agent; every finished intake goes to <paramref name="completed"/> (default: nowhere).</summary>
    public static InfoGathererAgent Create(AgentOptions? options, Func<IReadOnlyDictionary<string, string>, ValueTask>? completed) =>
        new(new InfoGathererOptions
        {
            Agent = options ?? new AgentOptions { Name = "intake" },
            Questions = Questions,
            OnCompleted = (answers, _, _) => completed?.Invoke(answers) ?? ValueTask.CompletedTask,
        });
}
