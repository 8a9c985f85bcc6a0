using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>Bodies and requests that used to reach the catch-all (HTTP 500 and a stack trace in the log).</summary>
public sealed class HostileInputTests() : ServedAgentTest<TestAgent>(new TestAgent())
{
    private static string Auth => "Authorization: Basic " + TestCredentials.EncodedPair + "\r\n";

    /// <summary>
    /// Nothing at Information or above carries an exception or a stack trace, and nothing is an error.
    /// (Kestrel's own connection diagnostics, at Debug, do attach the exception that ended a bad request.)
    /// </summary>
    private void AssertLoggedCleanly(bool clientMayReset = false)
    {
        var records = Server.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Information)
            // A client that leaves half way through its request can reset the connection while Kestrel still writes the
            // answer; Kestrel then notes, in its own category, that the connection ended abnormally. That is the
            // transport, not the agent, and only the test that makes a client leave accepts it.
            .Where(r => !(clientMayReset && (r.Category ?? string.Empty).StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal)
                && r.Message.StartsWith("Connection processing ended abnormally", StringComparison.Ordinal) && r.Exception is IOException or OperationCanceledException))
            .ToList();
        Assert.DoesNotContain(records, r => r.Exception is not null);
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        Assert.DoesNotContain(records, r => r.Message.Contains("   at ", StringComparison.Ordinal));
    }

    public static TheoryData<string> DuplicateKeyBodies => new()
    {
        """{"function":"secret_action","function":"echo","call_id":"call-1"}""",
        """{"function":"echo","call_id":"a","call_id":"b"}""",
        """{"function":"echo","argument":{"parsed":[{"text":"a","text":"b"}]},"call_id":"call-1"}""",
    };

    [Theory]
    [MemberData(nameof(DuplicateKeyBodies))]
    public async Task A_body_with_a_duplicate_key_is_400_before_any_token_check(string body)
    {
        using var response = await Client.PostAsync("/swaig", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Malformed JSON"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
        AssertLoggedCleanly();
    }

    public static TheoryData<string, string> LoneSurrogates => new()
    {
        { "/swaig", """{"function":"echo","call_id":"\ud800"}""" },
        { "/swaig", """{"function":"ech\udc00o","call_id":"call-1"}""" },
        { "/swaig", """{"function":"echo","call_id":"call-1","argument":{"parsed":[{"text":"x\ud800"}]}}""" },
        { "/swaig", """{"function":"echo","call_id":"call-1","caller_id_num":"+1\udfff"}""" },
        { "/swaig", """{"\ud800":1,"function":"echo","call_id":"call-1"}""" },
        { "/", """{"call":{"call_id":"c","from":"\ud800"}}""" },
        { "/", """{"call_id":"\udbff"}""" },
        { "/", """{"call":{"call_id":"c"},"vars":{"note":"\ud800"}}""" },
        { "/post_prompt", """{"call_id":"\ud800","post_prompt_data":{}}""" },
        { "/debug_events", """{"event_type":"\ud800"}""" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task An_escaped_lone_surrogate_in_any_string_is_400(string path, string body)
    {
        using var response = await Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Malformed JSON"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
        Assert.Empty(Agent.Summaries);
        AssertLoggedCleanly();
    }

    [Fact]
    public async Task A_surrogate_pair_is_still_a_valid_string()
    {
        using var response = await Client.PostJsonAsync("/swaig", JsonNode.Parse("""{"function":"echo","call_id":"call-1","argument":{"parsed":[{"text":"\ud83d\ude00"}]}}""")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\U0001F600", Assert.Single(Agent.Calls).Args["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_form_body_is_415_and_never_read_as_json()
    {
        var json = SwaigRequests.Call("echo", new() { ["text"] = "x" }).ToWireJson();

        using var response = await Client.PostAsync("/swaig", new StringContent(json, Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("""{"error":"Content-Type must be application/json"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
    }

    public static TheoryData<string, int, string> MalformedFraming => new()
    {
        // Not a hex chunk size.
        { "POST /swaig HTTP/1.1\r\nHost: 127.0.0.1\r\n{AUTH}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400, "Malformed request" },
        // A chunk size too large for Kestrel's counter (reported as an IOException, not a bad-request exception).
        { "POST /post_prompt/ HTTP/1.1\r\nHost: 127.0.0.1\r\n{AUTH}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", 400, "Malformed request" },
        // A chunk longer than its declared size.
        { "POST /swaig HTTP/1.1\r\nHost: 127.0.0.1\r\n{AUTH}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n0\r\n\r\n", 400, "Malformed request" },
        // Both lengths: Kestrel reads it as chunked, and the body is not valid chunking.
        { "POST /swaig HTTP/1.1\r\nHost: 127.0.0.1\r\n{AUTH}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}", 400, "Malformed request" },
    };

    [Theory]
    [MemberData(nameof(MalformedFraming))]
    public async Task Broken_body_framing_is_a_json_4xx_with_one_warning_and_no_stack_trace(string request, int status, string reason)
    {
        var response = await RawHttp.SendAsync(Server.BaseAddress, RawHttp.Bytes(request.Replace("{AUTH}", Auth, StringComparison.Ordinal)), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(status, response.Status);
        Assert.Equal($$"""{"error":"{{reason}}"}""", response.Body);
        Assert.StartsWith("application/json", response.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Empty(Agent.Calls);
        AssertLoggedCleanly();
        Assert.Single(Server.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Id.Id == 1007);
    }

    [Fact]
    public async Task A_body_that_ends_before_its_length_is_refused_quietly()
    {
        var request = "POST /swaig HTTP/1.1\r\nHost: 127.0.0.1\r\n" + Auth + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"function\":\"echo\"";

        // The client ends its side of the connection half way through the body. Kestrel treats that as the
        // client leaving, so there may be nobody left to answer; what matters is that nothing runs or fails.
        var response = await RawHttp.SendAsync(Server.BaseAddress, RawHttp.Bytes(request), halfClose: true, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(response.Status is 0 or 400, $"status {response.Status}");
        Assert.Empty(Agent.Calls);
        AssertLoggedCleanly(clientMayReset: true);
    }

    [Fact]
    public async Task A_body_that_trickles_in_below_the_minimum_rate_is_408()
    {
        var head = "POST /swaig HTTP/1.1\r\nHost: 127.0.0.1\r\n" + Auth + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n";

        // Kestrel's minimum body rate is 240 bytes/s after a 5 s grace period; this sends 10 bytes a second.
        var response = await RawHttp.TrickleAsync(Server.BaseAddress, head, new byte[4000], 10, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(408, response.Status);
        Assert.Equal("""{"error":"Request body timed out"}""", response.Body);
        Assert.Empty(Agent.Calls);
        AssertLoggedCleanly();
    }

    [Theory]
    [InlineData("CONNECT", "/health")]
    [InlineData("CONNECT", "/ready")]
    [InlineData("PUT", "/health")]
    [InlineData("DELETE", "/ready")]
    [InlineData("CONNECT", "/")]
    [InlineData("CONNECT", "/swaig")]
    public async Task Odd_methods_without_credentials_get_405_as_json(string method, string path)
    {
        var response = await RawHttp.SendAsync(Server.BaseAddress, RawHttp.Bytes($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(405, response.Status);
        Assert.Equal("""{"error":"Method not allowed"}""", response.Body);
        AssertLoggedCleanly();
    }

    [Fact]
    public async Task Head_requests_to_health_endpoints_still_work()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/health");
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Line_breaks_in_request_values_cannot_forge_audit_lines()
    {
        var body = SwaigRequests.Call("echo", new() { ["text"] = "x" }, callId: "call-1\r\nfunction_call agent=forged", callerNumber: "+1555\nrate_limited forged");

        using var response = await Client.PostJsonAsync("/swaig", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(Server.Logs.GetSnapshot(), r => r.Category == AuditEvents.Category && r.Id.Id == 2002).Message;
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.Contains(@"call_id=call-1\u000d\u000afunction_call agent=forged caller=+1555\u000arate_limited forged", line, StringComparison.Ordinal);
        // The handler still sees the call id exactly as sent.
        Assert.Equal("call-1\r\nfunction_call agent=forged", Assert.Single(Agent.Calls).Context.CallId);
    }
}
