using SignalWire.Agents;
using SignalWire.Agents.Cli;

// swaig-test prints its own results on standard output; the agents it loads keep their audit trail out of it
// unless one is configured.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariables.AuditLogPath)))
{
    Environment.SetEnvironmentVariable(EnvironmentVariables.AuditLogPath, AgentSettings.NoAuditSink);
}

return await Cli.InvokeAsync(args).ConfigureAwait(false);
