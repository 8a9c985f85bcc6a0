using RecordingConsentExample;

namespace Examples.Tests;

/// <summary>examples/RecordingConsent over real HTTP: no recording without the caller's yes, and stopping it.</summary>
public sealed class RecordingConsentTests
{
    [Fact]
    public async Task Recording_starts_only_once_the_caller_agreed_and_stops_on_request()
    {
        await using var server = await AgentTestServer.StartAsync(new RecordingConsentAgent(AgentTestServer.Options("recorded-support")));
        using var client = server.CreateClient();

        using var asked = await client.PostJsonAsync("/swaig", SwaigRequests.Call("start_recording"));
        using var started = await client.PostJsonAsync("/swaig", SwaigRequests.Call("start_recording", new() { ["confirmed"] = true }));
        using var stopped = await client.PostJsonAsync("/swaig", SwaigRequests.Call("stop_recording"));

        Assert.DoesNotContain("record_call", await asked.ReadTextAsync(), StringComparison.Ordinal);
        Assert.Equal(
            """{"response":"Recording started.","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"record_call":{"stereo":true,"format":"mp3","direction":"both","beep":false,"input_sensitivity":44,"control_id":"consented-recording"}}]}}}]}""",
            await started.ReadTextAsync());
        Assert.Equal(
            """{"response":"Recording stopped.","action":[{"SWML":{"version":"1.0.0","sections":{"main":[{"stop_record_call":{"control_id":"consented-recording"}}]}}}]}""",
            await stopped.ReadTextAsync());
    }
}
