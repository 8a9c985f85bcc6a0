using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using SignalWire.Agents;
using SignalWire.Agents.AzureFunctions;

namespace SignalWireFunctionApp.Tests;

/// <summary>
/// The function on the Functions worker's HTTP path, in process on 127.0.0.1: the host's forwarded headers applied,
/// the trigger's route below /api, and the function class invoked with the request.
/// </summary>
public sealed class FunctionTests : IAsyncLifetime
{
    private const string User = "test-user";
    private const string Password = "a-test-password-that-is-long-enough-0123";

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Services.AddSignalWireFunctions(new FrontDeskAgent(new AgentOptions
        {
            Name = "front-desk",
            BasicAuthUser = User,
            BasicAuthPassword = Password,
            SwaigSecret = "a-test-token-secret-0123456789abcdef",
            AuditLogPath = "none",
        }));
        _app = builder.Build();
        _app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All });
        _app.UseRouting();
        _app.MapMethods("api/" + SignalWireFunctionHandler.CatchAllRoute, ["GET", "POST"],
            context => new AgentFunction(context.RequestServices.GetRequiredService<SignalWireFunctionHandler>()).RunAsync(context.Request));
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        _client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        _client.DefaultRequestHeaders.Add("X-Forwarded-Host", "my-agent.azurewebsites.net");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_document_points_signalwire_at_the_public_api_url()
    {
        using var response = await _client.PostAsync("/api/", Json(new JsonObject { ["call"] = new JsonObject { ["call_id"] = "call-1" } }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var swml = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var ai = swml["sections"]!["main"]!.AsArray().Select(verb => verb!["ai"]).Single(a => a is not null)!;
        Assert.EndsWith("@my-agent.azurewebsites.net/api/swaig/", ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("https://", ai["SWAIG"]!["defaults"]!["web_hook_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_runs_through_the_function()
    {
        var call = new JsonObject { ["function"] = "opening_hours", ["call_id"] = "call-1", ["argument"] = new JsonObject { ["parsed"] = new JsonArray(new JsonObject()) } };

        using var response = await _client.PostAsync("/api/swaig", Json(call), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response":"We are open 9 to 5, Monday to Friday."}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_credentials_the_function_answers_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };

        using var response = await anonymous.PostAsync("/api/", Json(new JsonObject()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
