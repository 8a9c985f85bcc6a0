using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SignalWire.Agents.Skills.Tests.Http;

/// <summary>Skills' outbound HTTP against a fake service on loopback.</summary>
public sealed class SkillHttpTests : IAsyncLifetime
{
    private const string Secret = "sk-live-0000-do-not-log";
    private readonly FakeLogCollector _logs = new();
    private FakeWebServer _server = null!;
    private FakeWebServer _other = null!;
    private int _flaky;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeWebServer.StartAsync(app =>
        {
            app.MapGet("/ok", () => Results.Json(new { answer = 42 }));
            app.MapGet("/flaky", () => Interlocked.Increment(ref _flaky) == 1 ? Results.StatusCode(503) : Results.Json(new { answer = "second try" }));
            app.MapPost("/flaky-post", () => Results.StatusCode(503));
            app.MapGet("/fail", () => Results.StatusCode(500));
            app.MapGet("/slow", async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                return Results.Ok();
            });
            app.MapPost("/think", async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1500), ct);
                return Results.Json(new { answer = "thought" });
            });
            app.MapGet("/big", () => Results.Text(new string('x', 10_000)));
            app.MapGet("/big-chunked", async (HttpResponse response) =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await response.WriteAsync(new string('y', 1000));
                    await response.Body.FlushAsync();
                }
            });
            app.MapGet("/not-json", () => Results.Text("<html>oops</html>", "text/html"));
            app.MapGet("/page", () => Results.Text("<p>hello</p>", "text/html; charset=utf-8"));
            app.MapGet("/to-private", () => Results.Redirect("http://10.255.255.1/admin"));
            app.MapGet("/to-other-origin", () => Results.Redirect(_other.Url("ok").ToString()));
            app.MapGet("/to-same-origin", () => Results.Redirect("/ok"));
            app.MapPost("/post-moved", () => Results.Redirect("/echo", permanent: true, preserveMethod: true));
            app.MapPost("/echo", async (HttpRequest request) => Results.Json(new { got = await new StreamReader(request.Body).ReadToEndAsync() }));
        });
        _other = await FakeWebServer.StartAsync(app => app.MapGet("/ok", () => Results.Json(new { answer = "elsewhere" })));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _other.DisposeAsync();
    }

    private SkillHttp Http(Action<SkillHttpOptions>? configure = null)
    {
        var options = new SkillHttpOptions { Timeout = TimeSpan.FromSeconds(3), AttemptTimeout = TimeSpan.FromSeconds(1), FetchTimeout = TimeSpan.FromSeconds(1), MaxResponseBytes = 4096 };
        configure?.Invoke(options);
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        return SkillHttp.Create(options, loggers);
    }

    private string LogText() => string.Join("\n", _logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"));

    [Fact]
    public async Task A_service_answers_JSON_with_the_headers_given_and_the_user_agent()
    {
        var json = await Http().GetJsonAsync(_server.Url("ok?q=1"), [new("X-Api-Key", Secret)], TestContext.Current.CancellationToken);

        Assert.Equal("""{"answer":42}""", json.ToJsonString());
        var request = Assert.Single(_server.RequestsTo("/ok"));
        Assert.Equal(Secret, request.Header("X-Api-Key"));
        Assert.Equal("SignalWire.Agents.Skills/1.0", request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Accept"));
    }

    [Fact]
    public async Task Credential_headers_stay_with_their_origin_when_a_service_redirects()
    {
        var ct = TestContext.Current.CancellationToken;
        KeyValuePair<string, string>[] keys = [new("X-Api-Key", Secret), new("X-Goog-Api-Key", Secret), new("Authorization", "Bearer " + Secret)];

        var elsewhere = await Http().GetJsonAsync(_server.Url("to-other-origin"), keys, ct);
        var same = await Http().GetJsonAsync(_server.Url("to-same-origin"), keys, ct);
        var posted = await Http().PostJsonAsync(_server.Url("post-moved"), new JsonObject { ["q"] = 1 }, keys, ct);

        Assert.Equal("elsewhere", elsewhere["answer"]!.GetValue<string>());
        var crossed = Assert.Single(_other.RequestsTo("/ok"));
        Assert.Equal((null, null, null), (crossed.Header("X-Api-Key"), crossed.Header("X-Goog-Api-Key"), crossed.Header("Authorization")));
        Assert.Equal("SignalWire.Agents.Skills/1.0", crossed.Header("User-Agent"));
        Assert.Equal(42, same["answer"]!.GetValue<int>());
        Assert.Equal(Secret, Assert.Single(_server.RequestsTo("/ok")).Header("X-Goog-Api-Key"));
        Assert.Equal("""{"q":1}""", posted["got"]!.GetValue<string>());
        Assert.Equal(Secret, Assert.Single(_server.RequestsTo("/echo")).Header("X-Api-Key"));
    }

    [Fact]
    public async Task An_idempotent_request_is_retried_and_a_POST_is_not()
    {
        var json = await Http().GetJsonAsync(_server.Url("flaky"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("second try", json["answer"]!.GetValue<string>());
        Assert.Equal(2, _server.RequestsTo("/flaky").Count);

        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => Http().PostJsonAsync(_server.Url("flaky-post"), new JsonObject(), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(SkillHttpFailure.Status, failure.Failure);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Single(_server.RequestsTo("/flaky-post"));
    }

    [Fact]
    public async Task A_failure_names_host_and_path_but_never_the_query_where_keys_live()
    {
        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => Http(o => o.MaxRetries = 0).GetJsonAsync(_server.Url("fail?key=" + Secret), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal($"GET {_server.BaseAddress}fail answered 500.", failure.Message);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("fail", LogText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_service_times_out()
    {
        var started = TimeProvider.System.GetTimestamp();
        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => Http(o => o.MaxRetries = 0).GetJsonAsync(_server.Url("slow"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(SkillHttpFailure.Timeout, failure.Failure);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_slow_service_gets_one_long_attempt_where_a_service_would_time_out()
    {
        var http = Http(o => o.SlowTimeout = TimeSpan.FromSeconds(5));

        var answer = await http.SendJsonAsync(HttpMethod.Post, _server.Url("think"), new JsonObject(), target: SkillHttpTarget.SlowService, cancellationToken: TestContext.Current.CancellationToken);
        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => http.PostJsonAsync(_server.Url("think"), new JsonObject(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("thought", answer["answer"]!.GetValue<string>());
        Assert.Equal(SkillHttpFailure.Timeout, failure.Failure);
    }

    [Fact]
    public async Task Registered_on_an_apps_services_it_uses_the_apps_factory_and_options()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(_logs)));
        services.AddSignalWireSkillHttp(o => o.AllowedNetworks.Add("127.0.0.0/8"));
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<SkillHttp>();
        var agent = new AgentBase(AgentTestServer.Options()).UseSkillHttp(http);

        using var page = new HttpRequestMessage(HttpMethod.Get, _server.Url("page"));
        var response = await agent.GetSkillHttp().SendAsync(page, SkillHttpTarget.Untrusted, TestContext.Current.CancellationToken);

        Assert.Same(http, agent.GetSkillHttp());
        Assert.Same(SkillHttp.Shared, new AgentBase(AgentTestServer.Options()).GetSkillHttp());
        Assert.Equal("<p>hello</p>", response.Text());
        Assert.Equal(["127.0.0.0/8"], http.Options.AllowedNetworks);

        services = new ServiceCollection();
        services.AddSignalWireSkillHttp(o => o.MaxRetries = 99);
        await using var invalid = services.BuildServiceProvider();
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => invalid.GetRequiredService<SkillHttp>());
        Assert.Contains("SkillHttpOptions.MaxRetries must be between 0 and 10.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("big")]
    [InlineData("big-chunked")]
    public async Task A_body_over_the_cap_is_refused_whether_announced_or_streamed(string path)
    {
        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => Http().GetJsonAsync(_server.Url(path), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(SkillHttpFailure.TooLarge, failure.Failure);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_malformed()
    {
        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => Http().GetJsonAsync(_server.Url("not-json"), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(SkillHttpFailure.Malformed, failure.Failure);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/page")]
    [InlineData("http://localhost:{port}/page")]
    [InlineData("http://[::1]:{port}/page")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/")]
    public async Task An_untrusted_URL_may_not_reach_loopback_private_or_metadata_addresses(string template)
    {
        var url = new Uri(template.Replace("{port}", _server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => Http().SendAsync(request, SkillHttpTarget.Untrusted, TestContext.Current.CancellationToken));

        Assert.Equal(SkillHttpFailure.Refused, failure.Failure);
        Assert.Empty(_server.RequestsTo("/page"));
        Assert.Contains("refused by the SSRF guard", LogText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/")]
    [InlineData("gopher://example.com/")]
    public async Task Only_http_and_https_are_requested(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => Http().SendAsync(request, SkillHttpTarget.Untrusted, TestContext.Current.CancellationToken));
        Assert.Equal(SkillHttpFailure.Refused, failure.Failure);
    }

    [Fact]
    public async Task An_allowed_network_is_reached_and_a_redirect_out_of_it_is_checked_again()
    {
        var http = Http(o => o.AllowedNetworks.Add("127.0.0.1"));
        using var page = new HttpRequestMessage(HttpMethod.Get, _server.Url("page"));
        var response = await http.SendAsync(page, SkillHttpTarget.Untrusted, TestContext.Current.CancellationToken);
        Assert.Equal("<p>hello</p>", response.Text());
        Assert.Equal("text/html", response.MediaType);

        using var redirected = new HttpRequestMessage(HttpMethod.Get, _server.Url("to-private"));
        var failure = await Assert.ThrowsAsync<SkillHttpException>(() => http.SendAsync(redirected, SkillHttpTarget.Untrusted, TestContext.Current.CancellationToken));
        Assert.Equal(SkillHttpFailure.Refused, failure.Failure);
        Assert.Single(_server.RequestsTo("/to-private"));
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        var failure = Assert.Throws<AgentConfigurationException>(() => SkillHttp.Create(new SkillHttpOptions { AttemptTimeout = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromSeconds(5) }));
        Assert.Equal("SkillHttpOptions.AttemptTimeout must be positive and at most Timeout.", failure.Message);
        var network = Assert.Throws<AgentConfigurationException>(() => SkillHttp.Create(new SkillHttpOptions { AllowedNetworks = { "intranet" } }));
        Assert.Equal("SkillHttpOptions.AllowedNetworks has 'intranet', which is not an address or a CIDR network.", network.Message);
    }
}
