using SignalWire.Agents;
using SignalWire.Agents.Tools;

namespace RecordingConsentExample;

/// <summary>
/// A support line that records a call only with the caller's consent: the prompt asks first, <c>start_recording</c>
/// runs only once the caller has confirmed, and <c>stop_recording</c> stops it whenever they withdraw consent.
/// </summary>
public sealed class RecordingConsentAgent : AgentBase
{
    /// <summary>The control id the recording is started and stopped by.</summary>
    public const string RecordingId = "consented-recording";

    /// <summary>Creates the agent; <paramref name="options"/> defaults to the name <c>recorded-support</c>.</summary>
    public RecordingConsentAgent(AgentOptions? options = null)
        : base(options ?? new AgentOptions { Name = "recorded-support" })
    {
        PromptAddSection("Role", "You are Example Corp's support line.");
        PromptAddSection("Recording", bullets:
        [
            "Before anything else, ask whether the caller agrees to the call being recorded for quality and training.",
            "Start the recording only if they say yes; if they say no, help them without recording.",
            "If they ask to stop the recording at any time, stop it at once.",
        ]);
        AddLanguage("English", "en-US", "rime.spore");
        DefineTool("start_recording", "Start recording the call after the caller agreed", null, (_, _, _) =>
            ValueTask.FromResult(new FunctionResult("Recording started.").RecordCall(controlId: RecordingId, stereo: true, format: "mp3")),
            new ToolOptions { RequiresConfirmation = true });
        DefineTool("stop_recording", "Stop recording the call", null, (_, _, _) =>
            ValueTask.FromResult(new FunctionResult("Recording stopped.").StopRecordCall(RecordingId)));
    }
}
