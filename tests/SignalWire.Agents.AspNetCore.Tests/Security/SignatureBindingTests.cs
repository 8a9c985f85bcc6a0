using System.Net;
using System.Text;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.AspNetCore.Tests.Security;

/// <summary>A signature binds the exact bytes the handler reads and the exact URL that was requested.</summary>
public sealed class SignatureBindingTests() : ServedAgentTest<TestAgent>(new TestAgent(AgentTestServer.Options().With(o =>
{
    o.SigningKey = SigningKey;
    o.AllowedHosts = ["127.0.0.1"];
})))
{
    private const string SigningKey = "PSK_signature_binding_key";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(SigningKey);

    private string Url(string pathAndQuery) => $"http://127.0.0.1:{Server.BaseAddress.Port}{pathAndQuery}";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? body, string contentType, string? signature)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-SignalWire-Signature", signature);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_hex_signature_re_encoded_as_base64_with_a_form_content_type_does_not_pass_for_an_altered_body()
    {
        var original = """{"function":"echo","call_id":"call-1","caller_id_num":"+15551234567","argument":{"parsed":[{"text":"a"}]}}""";
        var hex = WebhookSignature.ComputeHex(Key, Url("/swaig"), Encoding.UTF8.GetBytes(original));
        var base64 = Convert.ToBase64String(Convert.FromHexString(hex));
        // The same JSON with the caller number percent-encoded differently: as form parameters it would canonicalise alike.
        var altered = original.Replace("+15551234567", "%2B15559999999", StringComparison.Ordinal);

        using var genuine = await SendAsync(HttpMethod.Post, "/swaig", original, "application/json", hex);
        using var asForm = await SendAsync(HttpMethod.Post, "/swaig", altered, "application/x-www-form-urlencoded", base64);
        using var asJson = await SendAsync(HttpMethod.Post, "/swaig", altered, "application/json", base64);

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asJson.StatusCode);
        Assert.Equal("""{"error":"Forbidden"}""", await asJson.ReadTextAsync());
        Assert.Equal("+15551234567", Assert.Single(Agent.Calls).Context.CallerIdNumber);
    }

    [Fact]
    public async Task A_base64_signature_over_the_url_and_form_style_parameters_does_not_cover_a_json_body()
    {
        var body = "function=echo&call_id=call-1";
        var formSignature = WebhookSignature.ComputeBase64(Key, Url("/swaig"), Encoding.UTF8.GetBytes(body));

        using var response = await SendAsync(HttpMethod.Post, "/swaig", body, "application/json", formSignature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Agent.Calls);
    }

    [Fact]
    public async Task A_get_of_the_document_is_signature_checked_too()
    {
        using var unsigned = await SendAsync(HttpMethod.Get, "/?call_id=c1", null, "application/json", null);
        using var forOtherQuery = await SendAsync(HttpMethod.Get, "/?call_id=c1", null, "application/json", WebhookSignature.ComputeHex(Key, Url("/?call_id=c2"), []));
        using var signed = await SendAsync(HttpMethod.Get, "/?call_id=c1", null, "application/json", WebhookSignature.ComputeHex(Key, Url("/?call_id=c1"), []));

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forOtherQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("1.0.0", (await signed.ReadJsonAsync())["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_signed_url_is_the_request_target_as_sent_not_its_decoded_form()
    {
        var body = SwaigRequests.Call("echo", new() { ["text"] = "x" }).ToWireJson();
        var overDecoded = WebhookSignature.ComputeHex(Key, Url("/swaig"), Encoding.UTF8.GetBytes(body));
        var overEncoded = WebhookSignature.ComputeHex(Key, Url("/%73waig"), Encoding.UTF8.GetBytes(body));
        var head = "POST /%73waig HTTP/1.1\r\nHost: 127.0.0.1:" + Server.BaseAddress.Port + "\r\nAuthorization: Basic " + TestCredentials.EncodedPair +
            "\r\nContent-Type: application/json\r\nContent-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n";

        var replayed = await RawHttp.SendAsync(Server.BaseAddress, RawHttp.Bytes(head + "X-SignalWire-Signature: " + overDecoded + "\r\n\r\n" + body), cancellationToken: TestContext.Current.CancellationToken);
        var exact = await RawHttp.SendAsync(Server.BaseAddress, RawHttp.Bytes(head + "X-SignalWire-Signature: " + overEncoded + "\r\n\r\n" + body), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(403, replayed.Status);
        Assert.Equal(200, exact.Status);
        Assert.Single(Agent.Calls);
    }

    [Fact]
    public async Task A_host_the_agent_does_not_allow_is_refused_before_its_signature_is_considered()
    {
        var body = SwaigRequests.Call("echo").ToWireJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/swaig") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Host = "agent.attacker.example";
        request.Headers.Add("X-SignalWire-Signature", WebhookSignature.ComputeHex(Key, "http://agent.attacker.example/swaig", Encoding.UTF8.GetBytes(body)));

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Host not allowed"}""", await response.ReadTextAsync());
        Assert.Empty(Agent.Calls);
    }
}
