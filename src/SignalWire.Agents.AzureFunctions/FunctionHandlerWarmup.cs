using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SignalWire.Agents.AzureFunctions;

/// <summary>
/// Builds the handler when the worker starts: every agent is mapped, its configuration checked and its pipeline
/// built then, so a bad setting or a missing shared secret stops the start instead of failing the first call,
/// and the first call does not pay for the set-up.
/// </summary>
internal sealed class FunctionHandlerWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<SignalWireFunctionHandler>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
