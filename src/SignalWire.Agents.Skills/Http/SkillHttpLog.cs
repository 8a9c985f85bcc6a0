using Microsoft.Extensions.Logging;

namespace SignalWire.Agents.Skills;

/// <summary>What outbound requests log: the request as <see cref="SkillHttpException.Describe"/> names it, never the query, headers or body.</summary>
internal static partial class SkillHttpLog
{
    [LoggerMessage(3100, LogLevel.Warning, "Skill request {Request} failed: {Failure} {Status}")]
    public static partial void Failed(ILogger logger, string request, SkillHttpFailure failure, int? status);

    [LoggerMessage(3101, LogLevel.Warning, "Skill request {Request} refused by the SSRF guard: {Reason}")]
    public static partial void Refused(ILogger logger, string request, string reason);
}
