namespace SignalWire.Agents.Cli.Audit;

/// <summary>How a checklist item came out.</summary>
internal enum Verdict
{
    /// <summary>The item holds.</summary>
    Pass,

    /// <summary>Worth fixing; does not fail the audit.</summary>
    Warn,

    /// <summary>Must be fixed before production; the audit exits 1.</summary>
    Fail,
}

/// <summary>One line of the audit: which check, its verdict, why, and how to fix it (empty when it passes).</summary>
internal sealed record AuditFinding(string Check, Verdict Verdict, string Reason, string Fix = "")
{
    public static AuditFinding Pass(string check, string reason) => new(check, Verdict.Pass, reason);

    public static AuditFinding Warn(string check, string reason, string fix) => new(check, Verdict.Warn, reason, fix);

    public static AuditFinding Fail(string check, string reason, string fix) => new(check, Verdict.Fail, reason, fix);
}
