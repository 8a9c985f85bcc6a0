using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.AspNetCore.Diagnostics;

/// <summary>Source-generated log messages. None of them carries a password, token or Authorization header.</summary>
internal static partial class Log
{
    /// <summary>Category used by the hosting layer (the pipeline's own).</summary>
    public const string Category = SignalWire.Agents.Pipeline.AgentPipeline.LogCategory;

    [LoggerMessage(1005, LogLevel.Debug, "Rejected {Method} {Path} with {Status}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(1007, LogLevel.Warning, "Refused {Method} {Path} with {Status}: {Reason}")]
    public static partial void MalformedRequest(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(1006, LogLevel.Error, "Unexpected error while handling {Method} {Path}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(1010, LogLevel.Warning, "Agent {Agent}: no token secret is configured (SIGNALWIRE_SWAIG_SECRET); a random one was generated, so secure-tool tokens will not survive a restart or validate on another replica")]
    public static partial void EphemeralTokenSecret(ILogger logger, string agent);

    [LoggerMessage(1011, LogLevel.Warning, "Agent {Agent}: no Basic Auth password is configured (SWML_BASIC_AUTH_PASSWORD); one was generated for user {User} and printed once on the console")]
    public static partial void GeneratedPassword(ILogger logger, string agent, string user);

    [LoggerMessage(1012, LogLevel.Information, "Agent {Agent} mapped at {Route} (HTTPS {Https}, proxy base {ProxyBase}, trust forwarded headers {TrustProxyHeaders})")]
    public static partial void AgentMapped(ILogger logger, string agent, string route, bool https, string proxyBase, bool trustProxyHeaders);

    [LoggerMessage(1014, LogLevel.Warning, "Agent {Agent}: a credential rotation is under way: the previous {Credential} ({Variable}) is still accepted {Until}; remove it once every replica and the platform use the new one")]
    public static partial void PreviousCredentialAccepted(ILogger logger, string agent, string credential, string variable, string until);

    [LoggerMessage(1015, LogLevel.Warning, "Agent {Agent}: {Variable} is set, but this SDK reads {Expected} (with services.AddSignalWireRedis()): replicas share no limits, single-use tokens or verified callers")]
    public static partial void RedisVariableMisnamed(ILogger logger, string agent, string variable, string expected);

    [LoggerMessage(1016, LogLevel.Warning, "Agent {Agent}: {Variable} is set, but no shared store is registered (call services.AddSignalWireRedis()): this replica counts limits and tokens on its own")]
    public static partial void RedisVariableUnused(ILogger logger, string agent, string variable);

    [LoggerMessage(1013, LogLevel.Warning, "Agent {Agent}: the SWML document served does not match the SWML schema ({Count} problems shown): {Problems}")]
    public static partial void SwmlSchemaMismatch(ILogger logger, string agent, int count, string problems);


    [LoggerMessage(1030, LogLevel.Information, "Agent {Agent}: call {CallId} was made to agent {Target}'s SIP name; {Target} answers it")]
    public static partial void SipRouted(ILogger logger, string agent, string target, string? callId);

    [LoggerMessage(1031, LogLevel.Warning, "Agent {Agent}: a call for agent {Target}'s SIP name came with credentials {Target} does not accept, so {Agent} answers it; give both agents the same credentials to route between them")]
    public static partial void SipRouteRefused(ILogger logger, string agent, string target);
}
