using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using SignalWire.Agents.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore;

/// <summary>The request-timeout policy agent hosts use, for applications that host agents themselves.</summary>
public static class AgentRequestTimeouts
{
    /// <summary>
    /// A policy that cancels a request after <paramref name="timeout"/> and answers <c>504</c> with
    /// <c>{"error":"Request timed out"}</c> and the hardening headers; for <c>AddRequestTimeouts</c>.
    /// </summary>
    public static RequestTimeoutPolicy GatewayTimeout(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = static context =>
        {
            SecurityHeaders.Apply(context.Response);
            return JsonResponses.WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, "Request timed out");
        },
    };
}
