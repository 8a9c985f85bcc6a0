using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SignalWire.Agents.AspNetCore.Hosting;

/// <summary>An agent registered with <c>AddSignalWireAgent</c>, resolved when the host starts.</summary>
internal sealed record AgentRegistration(Func<IServiceProvider, AgentBase> Resolve);

/// <summary>
/// Runs when the host starts (<c>ValidateOnStart</c>): applies the <c>SignalWire:Agent</c> section to every
/// registered agent and resolves its settings, so a bad value stops the start with every agent's problem
/// named, before a request is served.
/// </summary>
internal sealed class AgentStartupValidation(IServiceProvider services) : IValidateOptions<AgentHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentHostingOptions options)
    {
        var configuration = services.GetService<IConfiguration>();
        var failures = new List<string>();
        foreach (var registration in services.GetServices<AgentRegistration>())
        {
            try
            {
                var agent = registration.Resolve(services);
                AgentConfiguration.ApplyOnce(agent.Name, agent.Options, agent.SettingsResolved, configuration);
                _ = agent.Settings;
                agent.ValidateConfiguration();
            }
            catch (AgentConfigurationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
