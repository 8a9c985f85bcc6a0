using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SignalWire.Rest;

namespace OutboundCallExample;

/// <summary>
/// A stand-in for SignalWire on 127.0.0.1, for trying the example without an account: it accepts the dial, then
/// plays the platform's part — fetches the agent's SWML from the dialled address (with its Basic credentials) and
/// posts a post-prompt summary to the <c>post_prompt_url</c> in it, as a finished call would.
/// </summary>
public sealed class FakeSignalWire : IAsyncDisposable
{
    public const string Project = "00000000-0000-4000-8000-00000000f00d";
    public const string Token = "PT-fake-token-for-the-example";

    private readonly WebApplication _app;
    private readonly HttpClient _platform = new();

    private FakeSignalWire(WebApplication app) => _app = app;

    /// <summary>Options that point a <see cref="SignalWireClient"/> at this fake.</summary>
    public SignalWireRestOptions Options => new() { ProjectId = Project, ApiToken = Token, BaseAddress = new Uri(_app.Urls.Single()) };

    public static async Task<FakeSignalWire> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSignalWire(app);
        app.MapPost("/api/calling/calls", fake.DialAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task<IResult> DialAsync(HttpRequest request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Project + ":" + Token));
        if (request.Headers.Authorization != expected)
        {
            return Results.Json(new { errors = new[] { new { code = "unauthorized", message = "Bad project or token" } } }, statusCode: 401);
        }

        var body = await JsonNode.ParseAsync(request.Body);
        var parameters = body?["params"] as JsonObject;
        if (body?["command"]?.GetValue<string>() != "dial" || parameters?["url"]?.GetValue<string>() is not { } url)
        {
            return Results.Json(new { errors = new[] { new { code = "invalid_parameter", message = "this fake dials SWML addresses only", attribute = "url" } } }, statusCode: 422);
        }

        var callId = Guid.NewGuid().ToString();
        _ = Task.Run(async () =>
        {
            try
            {
                await PlayTheCallAsync(new Uri(url), callId, parameters);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"fake platform: the call to {new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri} failed: {ex.Message}");
            }
        });
        return Results.Json(new { id = callId, from = parameters["from"]?.GetValue<string>(), to = parameters["to"]?.GetValue<string>(), direction = "outbound", status = "queued", url });
    }

    /// <summary>What the platform does with a dialled agent: fetch its SWML for the call, run it (here: skip ahead), post the summary.</summary>
    private async Task PlayTheCallAsync(Uri swmlUrl, string callId, JsonObject parameters)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var (address, credentials) = WithoutCredentials(swmlUrl);
        var fetch = new JsonObject { ["call"] = new JsonObject { ["call_id"] = callId, ["direction"] = "outbound", ["type"] = "phone", ["from"] = parameters["from"]?.DeepClone(), ["to"] = parameters["to"]?.DeepClone() } };
        using var swmlRequest = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(fetch.ToJsonString(), Encoding.UTF8, "application/json") };
        swmlRequest.Headers.Authorization = credentials;
        using var swmlResponse = await _platform.SendAsync(swmlRequest);
        swmlResponse.EnsureSuccessStatusCode();
        var swml = JsonNode.Parse(await swmlResponse.Content.ReadAsStringAsync());
        var ai = (swml?["sections"]?["main"] as JsonArray)?.OfType<JsonObject>().Select(v => v["ai"]).OfType<JsonObject>().FirstOrDefault();
        if (ai?["post_prompt_url"]?.GetValue<string>() is not { } postPromptUrl)
        {
            return;
        }

        var (summaryAddress, summaryCredentials) = WithoutCredentials(new Uri(postPromptUrl));
        var summary = new JsonObject
        {
            ["call_id"] = callId,
            ["app_name"] = "outbound-call example",
            ["post_prompt_data"] = new JsonObject { ["raw"] = """{"confirmed": true, "preferred_day": null}""", ["parsed"] = new JsonArray(new JsonObject { ["confirmed"] = true, ["preferred_day"] = null }) },
        };
        using var summaryRequest = new HttpRequestMessage(HttpMethod.Post, summaryAddress) { Content = new StringContent(summary.ToJsonString(), Encoding.UTF8, "application/json") };
        summaryRequest.Headers.Authorization = summaryCredentials;
        using var summaryResponse = await _platform.SendAsync(summaryRequest);
        summaryResponse.EnsureSuccessStatusCode();
    }

    private static (Uri Address, AuthenticationHeaderValue? Credentials) WithoutCredentials(Uri url)
    {
        if (url.UserInfo.Length == 0)
        {
            return (url, null);
        }

        var pair = Uri.UnescapeDataString(url.UserInfo.Split(':')[0]) + ":" + Uri.UnescapeDataString(url.UserInfo.Split(':', 2)[1]);
        return (new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair))));
    }

    public async ValueTask DisposeAsync()
    {
        _platform.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
