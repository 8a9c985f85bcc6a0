using System.Text;
using System.Text.Json.Nodes;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.AspNetCore.Tests.Fuzz;

/// <summary>What the fuzzer knows about the server it attacks.</summary>
/// <param name="BaseAddress">The loopback address.</param>
/// <param name="ValidToken">A genuine token for <see cref="TokenFunction"/> on call <see cref="TokenCallId"/>.</param>
/// <param name="SigningKey">The signing key when signatures are checked, else <see langword="null"/>.</param>
/// <param name="PublicHost">The host the agent allows (and signatures name).</param>
internal sealed record FuzzTarget(Uri BaseAddress, string ValidToken, byte[]? SigningKey, string PublicHost)
{
    public const string TokenFunction = "secret_action";
    public const string TokenCallId = "fuzz-call";
}

/// <summary>One hostile request and what the fuzzer put in it.</summary>
/// <param name="Kind">The family of mutation, for the report.</param>
/// <param name="Bytes">The request as sent on the wire.</param>
/// <param name="IsHead">Whether it is a HEAD request (no response body).</param>
/// <param name="ProtocolLevel">Broken at the HTTP level: Kestrel may refuse it before any application code, with a bare 4xx or by closing.</param>
/// <param name="ValidAuth">It carries the right Basic Auth credentials (once, well-formed).</param>
/// <param name="CarriesValidToken">Its query carries the genuine token (as <c>__token</c> or the legacy <c>token</c>).</param>
/// <param name="Path">The request path (without the query).</param>
internal sealed record FuzzCase(string Kind, byte[] Bytes, bool IsHead, bool ProtocolLevel, bool ValidAuth, bool CarriesValidToken, string Path);

/// <summary>
/// A seeded generator of hostile requests against an agent: mutated JSON bodies, odd methods and paths, header
/// abuse, token and signature tampering, and broken HTTP framing. The same seed gives the same requests.
/// </summary>
internal sealed class HostileRequestGenerator(Random random, FuzzTarget target)
{
    private static readonly string[] Functions =
        ["echo", "echo", "echo", "secret_action", "secret_action", "other_secret", "explode", "book", "book", "wire_money", "wire_money", "nonexistent", "", "ECHO", "echo;ls", "../echo", new('f', 300)];
    private static readonly string[] Paths = ["/", "/swaig", "/swaig/", "/post_prompt", "/post_prompt/", "/debug_events", "/%73waig", "//swaig", "/swaig/..", "/./swaig", "/SWAIG", "/health", "/ready", "/nope", "/swaig%00", "/%2e%2e/swaig", "/swaig%2F", "/" + new string('a', 3000)];
    /// <summary>Caller numbers as the platform or a spoofer might write them: spellings of one number, none, junk.</summary>
    private static readonly string[] CallerNumbers =
        ["+15551234567", "+15550000000", null!, "15551234567", "tel:+1-555-123-4567", "sip:+15551234567;user=phone@x", "\uFF0B\uFF11\uFF15\uFF15\uFF15\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17", "anonymous", "sip:a@b@c", "+1" + new string('9', 40), ""];
    private static readonly string[] Methods = ["GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "FOO", "get", "PROPFIND"];

    private readonly JsonMutator _mutator = new(random);

    public FuzzCase Next()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 6 => Framing(),
            < 12 => OddMethod(),
            _ => JsonPost(),
        };
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private JsonObject ValidBody(string path) => path switch
    {
        "/" => WithCalled(SwaigRequests.SwmlFetch(Pick(["call-1", FuzzTarget.TokenCallId, "other"]))),
        _ when path.StartsWith("/post_prompt", StringComparison.Ordinal) => new JsonObject
        {
            ["call_id"] = FuzzTarget.TokenCallId,
            ["post_prompt_data"] = new JsonObject { ["raw"] = "summary", ["parsed"] = new JsonArray(new JsonObject { ["ok"] = true }) },
        },
        _ when path.StartsWith("/debug_events", StringComparison.Ordinal) => new JsonObject { ["event_type"] = "barge", ["call_id"] = "call-1", ["conversation_id"] = "c" },
        _ => SwaigRequests.Call(Pick(Functions), Arguments(), callId: Pick([FuzzTarget.TokenCallId, "call-1", "other-call"]), callerNumber: Pick(CallerNumbers)),
    };

    /// <summary>Sometimes the address called is a SIP or tel URI (routing on an AgentServer), well-formed or not.</summary>
    private JsonObject WithCalled(JsonObject fetch)
    {
        if (random.Next(3) == 0)
        {
            fetch["call"]!["to"] = Pick(["sip:vault@example.sip.signalwire.com", "SIP:VAULT@x", "sips:vault;user=phone@x:5061", "tel:+14155550100", "sip:@x", "sip:", "<sip:vault@x>", "sip:%76ault@x", "sip:" + new string('v', 3000) + "@x", "tel:"]);
        }

        return fetch;
    }

    private JsonObject Arguments() => random.Next(6) switch
    {
        0 => new JsonObject { ["text"] = "hello" },
        1 => new JsonObject { ["guests"] = random.Next(-5, 20), ["name"] = "Ann" },
        2 => new JsonObject { ["amount"] = 10.5, ["iban"] = "DE89370400440532013000", ["confirmed"] = random.Next(2) == 0 },
        3 => new JsonObject { ["text"] = new JsonObject { ["nested"] = 1 } },
        4 => new JsonObject { ["amount"] = "ten", ["confirmed"] = "false" },
        _ => [],
    };

    private string Query(string path)
    {
        if (!path.StartsWith("/swaig", StringComparison.Ordinal) && !path.StartsWith("/post_prompt", StringComparison.Ordinal) && random.Next(4) != 0)
        {
            return string.Empty;
        }

        var token = target.ValidToken;
        return random.Next(10) switch
        {
            0 or 1 or 2 => "?__token=" + token,
            3 => "?__token=" + token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            4 => "?__token=" + token[..10],
            5 => "?__token=" + token + "&__token=" + token,
            6 => "?token=" + token,
            7 => "?__token=" + Uri.EscapeDataString("\r\n" + token),
            8 => "?__token=" + new string('A', SwaigTokenService.TokenLength),
            _ => string.Empty,
        };
    }

    private FuzzCase JsonPost()
    {
        var path = Pick(Paths[..6]);
        var pathAndQuery = path + Query(path);
        var body = _mutator.Mutate(ValidBody(path));
        if (random.Next(100) == 0)
        {
            body = [.. body, .. Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024))];
        }

        var headers = new List<string>();
        var validAuth = AddAuthorization(headers);
        headers.Add(Pick(["Content-Type: application/json", "Content-Type: application/json", "Content-Type: application/json", "Content-Type: application/json; charset=utf-8",
            "Content-Type: application/json", "Content-Type: application/x-www-form-urlencoded", "Content-Type: multipart/form-data; boundary=x", "Content-Type: text/plain",
            "Content-Type: application/json; charset=utf-16", string.Empty]));
        AddSignature(headers, pathAndQuery, body);
        AddHeaderNoise(headers);
        return Build("json-post", "POST", pathAndQuery, headers, body, validAuth, pathAndQuery.Contains("token=" + target.ValidToken, StringComparison.Ordinal));
    }

    private FuzzCase OddMethod()
    {
        var method = Pick(Methods);
        var path = Pick(Paths);
        var headers = new List<string>();
        var validAuth = random.Next(2) == 0 && AddAuthorization(headers);
        var body = random.Next(3) == 0 ? Encoding.UTF8.GetBytes("{\"function\":\"echo\"}") : [];
        AddSignature(headers, path, body);
        return Build("method", method, path + Query(path), headers, body, validAuth, false, protocolLevel: method is "CONNECT" or "TRACE");
    }

    /// <summary>Requests whose HTTP framing is broken; Kestrel or the agent must refuse them without a 5xx.</summary>
    private FuzzCase Framing()
    {
        var auth = "Authorization: Basic " + TestCredentials.EncodedPair + "\r\n";
        var head = $"POST {Pick(Paths[..6])} HTTP/1.1\r\nHost: {target.PublicHost}\r\n{auth}Content-Type: application/json\r\n";
        var text = random.Next(12) switch
        {
            0 => head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            1 => head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n0\r\n\r\n",
            2 => head + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
            3 => head + "Content-Length: 2\r\nContent-Length: 5\r\n\r\n{}",
            4 => head + "Content-Length: -1\r\n\r\n{}",
            5 => head + "Content-Length: abc\r\n\r\n{}",
            6 => head + "Transfer-Encoding: gzip\r\n\r\n{}",
            7 => head + "Content-Length: 2\r\n\r\n{}GARBAGE / HTTP/1.1\r\n\r\n",
            8 => head.Replace("\r\n", "\n", StringComparison.Ordinal) + "Content-Length: 2\n\n{}",
            9 => head + "X-Folded: a\r\n b\r\nContent-Length: 2\r\n\r\n{}",
            10 => head + "X-Nul: a\0b\r\nContent-Length: 2\r\n\r\n{}",
            _ => head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
        };
        return new FuzzCase("framing", Encoding.UTF8.GetBytes(text), false, true, true, false, text.Split(' ')[1]);
    }

    private bool AddAuthorization(List<string> headers)
    {
        switch (random.Next(14))
        {
            case < 9:
                // The scheme name is case-insensitive (RFC 9110), so both spellings are valid credentials.
                headers.Add("Authorization: " + Pick(["Basic ", "Basic ", "basic "]) + TestCredentials.EncodedPair);
                return true;
            case 9:
                headers.Add("Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCredentials.User + ":" + TestCredentials.Password[..^1] + "X")));
                return false;
            case 10:
                headers.Add("Authorization: " + Pick(["Basic", "Basic !!!", "Bearer x", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("nocolon")), "Basic  " + TestCredentials.EncodedPair + "x"]));
                return false;
            case 11:
                headers.Add("Authorization: Basic " + TestCredentials.EncodedPair);
                headers.Add("Authorization: Basic " + TestCredentials.EncodedPair);
                return false;
            case 12:
                headers.Add("Authorization: Basic " + new string('A', 8000));
                return false;
            default:
                return false;
        }
    }

    private void AddSignature(List<string> headers, string pathAndQuery, byte[] body)
    {
        if (target.SigningKey is not { } key)
        {
            return;
        }

        var url = $"http://{target.PublicHost}{pathAndQuery}";
        var genuine = WebhookSignature.ComputeHex(key, url, body);
        headers.Add("X-SignalWire-Signature: " + random.Next(10) switch
        {
            < 6 => genuine,
            6 => genuine[..^1] + (genuine[^1] == '0' ? '1' : '0'),
            7 => Convert.ToBase64String(Convert.FromHexString(genuine)),
            8 => WebhookSignature.ComputeHex(key, url.Replace("/swaig", "/post_prompt", StringComparison.Ordinal), body),
            _ => Pick(["", "zz", new string('0', 40), new string('a', 5000)]),
        });
    }

    private void AddHeaderNoise(List<string> headers)
    {
        if (random.Next(4) != 0)
        {
            return;
        }

        headers.Add(Pick([
            "X-Forwarded-For: " + Pick(["203.0.113.9", "not-an-ip", "1.1.1.1, 2.2.2.2", "::1", new string('9', 500)]),
            "X-Forwarded-Host: " + Pick(["evil.example", "a b", "x/y", "127.0.0.1"]),
            "X-Forwarded-Proto: " + Pick(["https", "ftp", "HTTPS", ""]),
            "X-Junk: " + new string('j', 10_000),
            "Expect: 100-continue",
            "Cookie: session=1",
            "Accept-Encoding: gzip, br",
        ]));
    }

    private FuzzCase Build(string kind, string method, string pathAndQuery, List<string> headers, byte[] body, bool validAuth, bool validToken, bool protocolLevel = false)
    {
        var host = random.Next(20) switch
        {
            0 => "Host: evil.example\r\n",
            1 => string.Empty,
            2 => $"Host: {target.PublicHost}\r\nHost: other\r\n",
            _ => $"Host: {target.PublicHost}\r\n",
        };
        var head = new StringBuilder($"{method} {pathAndQuery} HTTP/1.1\r\n{host}");
        foreach (var header in headers.Where(h => h.Length > 0))
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        // Missing or doubled Host, header values Kestrel will not take, and 8 KB credentials are refused by Kestrel itself.
        var refusedByKestrel = host is "" || host.Contains("other", StringComparison.Ordinal) || headers.Any(h => h.Length > 7000);
        var path = pathAndQuery.Split('?')[0];
        return new FuzzCase(kind, [.. Encoding.UTF8.GetBytes(head.ToString()), .. body], method == "HEAD", protocolLevel || refusedByKestrel, validAuth, validToken, path);
    }
}
