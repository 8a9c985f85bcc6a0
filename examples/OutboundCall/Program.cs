using OutboundCallExample;
using SignalWire.Agents;
using SignalWire.Agents.AspNetCore;
using SignalWire.Rest;
using SignalWire.Rest.Calling;

// Calls a number and hands the call to an AI agent served by this process, then prints what the agent reports.
// With SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN and SIGNALWIRE_SPACE set it uses your SignalWire project (the
// agent must be reachable from the internet: set SWML_PROXY_URL_BASE to its public address); without them it uses
// a built-in fake of the platform on 127.0.0.1. Numbers: CALL_TO and CALL_FROM (E.164).
var summary = new TaskCompletionSource<PostPromptSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
var agent = ReminderAgent.Create(s =>
{
    summary.TrySetResult(s);
    return ValueTask.CompletedTask;
});

await using var app = AgentApplication.Create(agent, args);
await app.StartAsync();
// Kestrel reports the address it bound ("http://[::]:3000" for any address); the fake platform calls it on loopback.
var bound = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
var local = new UriBuilder(bound) { Path = "/" }.Uri;
var publicBase = Environment.GetEnvironmentVariable("SWML_PROXY_URL_BASE") is { Length: > 0 } proxy ? new Uri(proxy) : local;

var options = new SignalWireRestOptions().WithEnvironment(Environment.GetEnvironmentVariable);
await using var fake = options.ProjectId is null || options.ApiToken is null || options.Space is null ? await FakeSignalWire.StartAsync() : null;
if (fake is not null)
{
    options = fake.Options;
    Console.WriteLine($"No SIGNALWIRE_PROJECT_ID / SIGNALWIRE_API_TOKEN / SIGNALWIRE_SPACE: using the built-in fake platform at {options.BaseAddress}");
}

var client = SignalWireClient.Create(options);
var to = Environment.GetEnvironmentVariable("CALL_TO") ?? "+14155550142";
var from = Environment.GetEnvironmentVariable("CALL_FROM") ?? "+14155550100";
try
{
    var call = await client.Calling.DialAsync(DialRequest.ToAgent(from, to, agent, publicBase));
    Console.WriteLine($"Calling {to} from {from}: call {call.Id} ({call.Status}); the agent answers at {new Uri(publicBase, agent.Settings.Route.TrimStart('/') + "/")}");
    using var wait = new CancellationTokenSource(fake is null ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(30));
    var result = await summary.Task.WaitAsync(wait.Token);
    Console.WriteLine($"Summary for call {result.CallId}: {result.Summary?.ToJsonString() ?? "(none)"}");
    Console.WriteLine(ReminderAgent.Confirmed(result) switch { true => "Appointment confirmed.", false => "Appointment not confirmed.", null => "The summary did not say." });
}
catch (SignalWireApiException ex)
{
    Console.Error.WriteLine($"The call could not be placed: {ex.Message}");
    Environment.ExitCode = 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("No summary arrived in time.");
    Environment.ExitCode = 1;
}
finally
{
    await app.StopAsync();
}
