using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SignalWire.Rest.Tests;

/// <summary>What every request shares: paging, errors, retries, time-outs, cancellation, and the token kept secret.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private FakeApi _api = null!;
    private int _flaky;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeApi.StartAsync(app =>
        {
            app.MapGet("/api/relay/rest/phone_numbers", (HttpRequest request) => request.Query["page"].ToString() switch
            {
                "" => Results.Text($$$"""{"data":[{"id":"n1","number":"+14155550101"},{"id":"n2","number":"+14155550102"}],"links":{"self":"x","next":"{{{Absolute("/api/relay/rest/phone_numbers?page=2&page_token=PA2")}}}"}}""", "application/json"),
                "2" => Results.Text("""{"data":[{"id":"n3","number":"+14155550103","capabilities":["voice","sms"],"extra_field":1}],"links":{"next":"/api/relay/rest/phone_numbers?page=3&page_token=PA3"}}""", "application/json"),
                _ => Results.Text("""{"data":[{"id":"n4","number":"+14155550104"}],"links":{"next":null}}""", "application/json"),
            });
            app.MapGet("/api/loop", () => Results.Text("""{"data":[{"a":1}],"links":{"next":"/api/loop"}}""", "application/json"));
            app.MapGet("/api/hostile-link", (string kind) => Results.Text(kind switch
            {
                "bracket" => """{"data":[{"a":1}],"links":{"next":"http://[not-an-address/x"}}""",
                "file" => """{"data":[{"a":1}],"links":{"next":"file:///etc/passwd"}}""",
                "scheme-relative" => """{"data":[{"a":1}],"links":{"next":"//evil.example.com/steal"}}""",
                "backslashes" => """{"data":[{"a":1}],"links":{"next":"\\\\evil.example.com\\steal"}}""",
                _ => """{"data":[{"a":1}],"links":{"next":"javascript:alert(1)"}}""",
            }, "application/json"));
            app.MapGet("/api/elsewhere", () => Results.Text("""{"data":[{"a":1}],"links":{"next":"https://evil.example.com/steal"}}""", "application/json"));
            app.MapPost("/api/invalid", (HttpResponse response) =>
            {
                response.Headers["X-Request-Id"] = "req-42";
                return Results.Text("""{"errors":[{"type":"validation_error","code":"invalid_parameter","message":"must be E.164","attribute":"to","url":"https://developer.signalwire.com/rest/overview/error-codes#invalid_parameter"},{"code":"missing","message":"is required","attribute":"from"}]}""", "application/json", statusCode: 422);
            });
            app.MapPost("/api/busy", (HttpResponse response) =>
            {
                response.Headers.RetryAfter = "7";
                return Results.Text("""{"error":"rate limited"}""", "application/json", statusCode: 429);
            });
            app.MapPost("/api/unavailable", () => Results.StatusCode(503));
            app.MapGet("/api/flaky", () => Interlocked.Increment(ref _flaky) < 3 ? Results.StatusCode(503) : Results.Text("""{"ok":true}""", "application/json"));
            app.MapGet("/api/slow", async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
                return Results.Ok();
            });
            app.MapGet("/api/huge", async (HttpResponse response) =>
            {
                response.ContentType = "application/json";
                await response.WriteAsync("[\"");
                var chunk = new string('x', 1024 * 1024);
                for (var i = 0; i < 40; i++)
                {
                    await response.WriteAsync(chunk);
                }

                await response.WriteAsync("\"]");
            });
            app.MapGet("/api/laml-error", () => Results.Text("""{"code":20404,"message":"The requested resource was not found","more_info":"https://example.com/20404","status":404}""", "application/json", statusCode: 404));
        });
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private string Absolute(string path) => new Uri(_api.Server.BaseAddress, path.TrimStart('/')).ToString();

    [Fact]
    public async Task A_paged_list_follows_its_next_links_across_three_pages()
    {
        var numbers = new List<PhoneNumbers.PhoneNumber>();
        await foreach (var number in _api.Client.PhoneNumbers.ListAsync(TestContext.Current.CancellationToken))
        {
            numbers.Add(number);
        }

        Assert.Equal(["+14155550101", "+14155550102", "+14155550103", "+14155550104"], numbers.Select(n => n.Number));
        Assert.Equal(["voice", "sms"], numbers[2].Capabilities!);
        Assert.Equal("""{"extra_field":1}""", numbers[2].Extra!.ToJsonString());
        Assert.Equal(["", "?page=2&page_token=PA2", "?page=3&page_token=PA3"], _api.Server.RequestsTo("/api/relay/rest/phone_numbers").Select(r => r.Query));
        Assert.All(_api.Server.Requests, r => Assert.Equal(FakeApi.Basic, r.Header("Authorization")));
    }

    [Fact]
    public async Task A_next_link_seen_before_ends_the_list_and_one_to_another_host_is_refused()
    {
        var looped = new List<JsonObject>();
        await foreach (var item in _api.Client.ListAsync("/api/loop", TestContext.Current.CancellationToken))
        {
            looped.Add(item);
        }

        Assert.Equal(2, looped.Count);
        var refused = await Assert.ThrowsAsync<SignalWireApiException>(async () =>
        {
            await foreach (var item in _api.Client.ListAsync("/api/elsewhere", TestContext.Current.CancellationToken))
            {
                Assert.NotNull(item);
            }
        });
        Assert.Equal("Refusing to send credentials to evil.example.com: it is not the configured API host.", refused.Message);
    }

    [Theory]
    [InlineData("bracket")]
    [InlineData("file")]
    [InlineData("scheme-relative")]
    [InlineData("backslashes")]
    [InlineData("javascript")]
    public async Task A_hostile_next_link_gets_the_clients_own_exception_and_no_request(string kind)
    {
        var before = _api.Server.Requests.Count;
        var items = 0;

        var refused = await Assert.ThrowsAsync<SignalWireApiException>(async () =>
        {
            await foreach (var item in _api.Client.ListAsync($"/api/hostile-link?kind={kind}", TestContext.Current.CancellationToken))
            {
                items++;
            }
        });

        Assert.Equal(1, items);
        Assert.StartsWith("Refusing to", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, _api.Server.Requests.Count);
    }

    [Fact]
    public async Task Validation_errors_are_listed_by_field_with_the_request_id_and_never_the_token()
    {
        var error = await Assert.ThrowsAsync<SignalWireApiException>(() => _api.Client.SendAsync(HttpMethod.Post, "/api/invalid", new JsonObject { ["to"] = "555" }, TestContext.Current.CancellationToken));

        Assert.Equal("POST /api/invalid answered 422: to: must be E.164; from: is required (request id req-42)", error.Message);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_parameter", "req-42", false), (error.StatusCode, error.ErrorCode, error.RequestId, error.IsTransient));
        Assert.Equal(new ApiFieldError("missing", "is required", "from", null), error.Errors[1]);
        Assert.DoesNotContain(FakeApi.Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeApi.Token, _api.LogText(), StringComparison.Ordinal);
        Assert.Contains("SignalWire API POST /api/invalid answered 422 (request id req-42)", _api.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_on_a_POST_is_not_retried_and_says_when_to_try_again()
    {
        var error = await Assert.ThrowsAsync<SignalWireApiException>(() => _api.Client.SendAsync(HttpMethod.Post, "/api/busy", new JsonObject(), TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7), true), (error.StatusCode, error.RetryAfter, error.IsTransient));
        Assert.Equal("POST /api/busy answered 429: rate limited", error.Message);
        Assert.Single(_api.Server.RequestsTo("/api/busy"));
    }

    [Fact]
    public async Task A_503_on_a_POST_is_sent_once_a_retry_could_act_twice()
    {
        var error = await Assert.ThrowsAsync<SignalWireApiException>(() => _api.Client.SendAsync(HttpMethod.Post, "/api/unavailable", new JsonObject { ["to"] = "+14155550100" }, TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (error.StatusCode, error.IsTransient));
        Assert.Single(_api.Server.RequestsTo("/api/unavailable"));
    }

    [Fact]
    public async Task A_failing_GET_is_retried_until_it_succeeds()
    {
        var answer = await _api.Client.SendAsync(HttpMethod.Get, "/api/flaky", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("""{"ok":true}""", answer!.ToJsonString());
        Assert.Equal(3, _api.Server.RequestsTo("/api/flaky").Count);
    }

    [Fact]
    public async Task The_old_error_shape_is_read_too()
    {
        var error = await Assert.ThrowsAsync<SignalWireApiException>(() => _api.Client.SendAsync(HttpMethod.Get, "/api/laml-error", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("GET /api/laml-error answered 404: The requested resource was not found", error.Message);
        Assert.Equal("20404", error.ErrorCode);
    }

    [Fact]
    public async Task No_answer_in_time_is_a_transient_error_and_cancellation_is_the_callers()
    {
        await using var quick = await FakeApi.StartAsync(app => app.MapGet("/api/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Ok();
        }), o => (o.AttemptTimeout, o.Timeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600), 0));

        var timeout = await Assert.ThrowsAsync<SignalWireApiException>(() => quick.Client.SendAsync(HttpMethod.Get, "/api/slow", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal((null, true), (timeout.StatusCode, timeout.IsTransient));
        Assert.Equal("GET /api/slow got no answer: no answer in time.", timeout.Message);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _api.Client.SendAsync(HttpMethod.Get, "/api/slow", cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task An_answer_over_the_size_cap_is_refused_not_buffered()
    {
        var error = await Assert.ThrowsAsync<SignalWireApiException>(() => _api.Client.SendAsync(HttpMethod.Get, "/api/huge", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(error.StatusCode);
        Assert.Equal("GET /api/huge got no answer: the answer is larger than 32 MiB.", error.Message);
    }

    [Fact]
    public void The_token_is_in_no_ToString()
    {
        var options = new SignalWireRestOptions { ProjectId = FakeApi.Project, ApiToken = FakeApi.Token, Space = "example" };

        Assert.DoesNotContain(FakeApi.Token, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeApi.Token, _api.Client.ToString(), StringComparison.Ordinal);
        Assert.Equal($"SignalWireClient {{ ProjectId = {FakeApi.Project}, BaseAddress = {_api.Server.BaseAddress} }}", _api.Client.ToString());
    }
}
