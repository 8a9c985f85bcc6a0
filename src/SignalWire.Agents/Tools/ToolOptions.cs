using System.Text.Json.Nodes;

namespace SignalWire.Agents.Tools;

/// <summary>How a tool is protected and limited.</summary>
public sealed record ToolOptions
{
    /// <summary>Every call must carry a token bound to this function and the call (see <see cref="Security.SwaigTokenService"/>).</summary>
    public bool Secure { get; init; }

    /// <summary>The tool touches sensitive data or money: it is blocked in emergency mode, like secure tools.</summary>
    public bool Sensitive { get; init; }

    /// <summary>
    /// The AI must obtain the caller's explicit confirmation first: the tool gets a required boolean
    /// <c>confirmed</c> parameter and a call without <c>confirmed: true</c> does not run.
    /// </summary>
    public bool RequiresConfirmation { get; init; }

    /// <summary>
    /// The caller must have been verified on this call (through <c>verify_caller</c>) before the tool runs; until then
    /// the AI is told to verify first and the handler never runs. <see langword="null"/> follows the agent's
    /// <see cref="Verification.CallerVerificationOptions.RequiredByDefault"/>. Needs <see cref="AgentBase.UseCallerVerification"/>.
    /// </summary>
    public bool? RequiresVerifiedCaller { get; init; }

    /// <summary>
    /// Describes the pending action for the confirmation question from the arguments, e.g.
    /// <c>args =&gt; $"transfer ${args["amount"]} to account {args["to_account"]}"</c>. Default: the tool's description.
    /// </summary>
    public Func<JsonObject, string>? ConfirmationSummary { get; init; }

    /// <summary>Argument names whose values never appear in the audit log (in addition to the default sensitive keys).</summary>
    public IReadOnlyCollection<string>? SensitiveParameters { get; init; }

    /// <summary>Calls allowed per caller (caller number, else call id) in a window; <see langword="null"/> for no per-tool limit.</summary>
    public ToolRateLimit? RateLimit { get; init; }

    /// <summary>Phrases said while the tool runs, in one language (<c>fillers</c>).</summary>
    public ToolFillers? Fillers { get; init; }

    /// <summary>Audio played while the tool runs (<c>wait_file</c>, an absolute URL).</summary>
    public Uri? WaitFile { get; init; }

    /// <summary>How often <see cref="WaitFile"/> loops (<c>wait_file_loops</c>).</summary>
    public int? WaitFileLoops { get; init; }

    /// <summary>Data the platform keeps for this function (<c>meta_data</c>).</summary>
    public JsonObject? MetaData { get; init; }

    /// <summary>Scope of <see cref="MetaData"/> (<c>meta_data_token</c>).</summary>
    public string? MetaDataToken { get; init; }

    /// <summary>Whether the tool starts active (<c>active</c>); toggled later with <c>ToggleFunctions</c>.</summary>
    public bool? Active { get; init; }

    /// <summary>Skip fillers for this tool (<c>skip_fillers</c>).</summary>
    public bool? SkipFillers { get; init; }

    /// <summary>Wait for fillers to finish before returning (<c>wait_for_fillers</c>).</summary>
    public bool? WaitForFillers { get; init; }

    /// <summary>
    /// The tool runs on another service at this absolute URL (rendered as its <c>web_hook_url</c>); this agent
    /// then refuses calls to it. It cannot be <see cref="Secure"/>: a token can only be checked where it was
    /// minted, so a secure tool runs here.
    /// </summary>
    public Uri? WebHookUrl { get; init; }
}
