using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SignalWire.Agents.AzureFunctions;

namespace SignalWireFunctionApp;

/// <summary>
/// The one HTTP function: every path below <c>/api/</c> (SWML, <c>swaig</c>, <c>post_prompt</c>, <c>health</c>,
/// <c>ready</c>) goes to the SignalWire handler. The function is anonymous to the Functions host on purpose: the
/// agent's own Basic Auth, tokens and signatures guard it, and SignalWire cannot send a function key.
/// </summary>
public sealed class AgentFunction(SignalWireFunctionHandler signalWire)
{
    /// <summary>Serves SignalWire's requests.</summary>
    [Function("signalwire")]
    public Task RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = SignalWireFunctionHandler.CatchAllRoute)] HttpRequest request) =>
        signalWire.HandleAsync(request);
}
