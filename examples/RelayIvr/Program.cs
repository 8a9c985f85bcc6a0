using RelayIvrExample;
using SignalWire.Agents;
using SignalWire.Relay;

// Answers calls over RELAY with a menu: 1 connects to sales, 2 hands the call to an AI assistant.
// With SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN, SIGNALWIRE_SPACE and SIGNALWIRE_RELAY_CONTEXTS set it serves your
// project until stopped; without them it runs one call through a built-in fake of RELAY on 127.0.0.1 and exits.
// SALES_NUMBER is the sales line; ASSISTANT_URL is where the assistant's webhooks are served (SWML_PROXY_URL_BASE).
var options = new RelayOptions().WithEnvironment(Environment.GetEnvironmentVariable);
var fake = options.Space is null || options.ProjectId is null || options.ApiToken is null ? await FakeRelay.StartAsync(digit: args.FirstOrDefault() ?? "2") : null;
if (fake is not null)
{
    (options.ProjectId, options.ApiToken, options.Space) = ("fake-project", "fake-token", fake.Address.ToString());
    options.Contexts.Add("office");
    Console.WriteLine($"No SIGNALWIRE_* settings: using the built-in fake RELAY service at {fake.Address} (the caller presses {fake.Digit}).");
}

if (options.Contexts.Count == 0)
{
    options.Contexts.Add("office");
}

var assistant = new AgentBase(new AgentOptions { Name = "assistant", Route = "/assistant" })
    .PromptAddSection("Role", "You are Riverside's phone assistant. Answer questions about opening hours (9 to 5, Monday to Friday).");
var settings = new IvrSettings(
    Environment.GetEnvironmentVariable("SALES_NUMBER") ?? "+14155550142",
    assistant,
    new Uri(Environment.GetEnvironmentVariable("ASSISTANT_URL") ?? Environment.GetEnvironmentVariable("SWML_PROXY_URL_BASE") ?? "https://assistant.example.com"));

await using var client = new RelayClient(options);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var handled = new TaskCompletionSource();
client.OnCall("*", async call =>
{
    try
    {
        await Ivr.HandleAsync(call, settings, Console.WriteLine, stop.Token);
    }
    finally
    {
        handled.TrySetResult();
    }
});

var run = client.RunAsync(stop.Token);
Console.WriteLine($"Listening for calls on {string.Join(", ", options.Contexts)} at {client.Address.Host}. Ctrl+C stops.");
if (fake is not null)
{
    await handled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    await stop.CancelAsync();
}

await run;
if (fake is not null)
{
    await fake.DisposeAsync();
}
