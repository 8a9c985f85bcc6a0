using System.Text.Json.Nodes;
using SignalWire.Agents.Cli.Output;

namespace SignalWire.Agents.Cli.Audit;

/// <summary>Prints audit findings as a table (with the fix under each non-passing line) or as JSON.</summary>
internal static class AuditReport
{
    public static void WriteText(TextWriter output, string agent, IReadOnlyList<AuditFinding> findings)
    {
        output.WriteLine($"Hardening audit of agent '{agent}'");
        output.WriteLine();
        var width = findings.Max(f => f.Check.Length);
        foreach (var finding in findings)
        {
            output.WriteLine($"{Label(finding.Verdict),-4}  {finding.Check.PadRight(width)}  {finding.Reason}");
            if (finding.Fix.Length > 0)
            {
                output.WriteLine($"{string.Empty,-4}  {string.Empty.PadRight(width)}  fix: {finding.Fix}");
            }
        }

        output.WriteLine();
        output.WriteLine($"{Count(findings, Verdict.Pass)} passed, {Count(findings, Verdict.Warn)} warnings, {Count(findings, Verdict.Fail)} failed");
    }

    public static void WriteJson(TextWriter output, string agent, IReadOnlyList<AuditFinding> findings)
    {
        var json = new JsonObject
        {
            ["agent"] = agent,
            ["passed"] = Count(findings, Verdict.Pass),
            ["warnings"] = Count(findings, Verdict.Warn),
            ["failed"] = Count(findings, Verdict.Fail),
            ["findings"] = new JsonArray([.. findings.Select(f => (JsonNode)new JsonObject
            {
                ["check"] = f.Check,
                ["verdict"] = Label(f.Verdict),
                ["reason"] = f.Reason,
                ["fix"] = f.Fix,
            })]),
        };
        JsonOutput.Write(output, json, indented: true);
    }

    public static string Label(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Warn => "WARN",
        _ => "FAIL",
    };

    private static int Count(IReadOnlyList<AuditFinding> findings, Verdict verdict) => findings.Count(f => f.Verdict == verdict);
}
