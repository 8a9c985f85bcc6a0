using System.Text;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Tests.Security;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] PskKey = Encoding.UTF8.GetBytes("PSKtest1234567890abcdef");

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Scheme_a_hex_over_url_and_body()
    {
        var body = Utf8("""{"event":"call.state","params":{"call_id":"abc-123","state":"answered"}}""");
        Assert.True(WebhookSignature.IsValid(PskKey, "c3c08c1fefaf9ee198a100d5906765a6f394bf0f", "https://example.ngrok.io/webhook", body, isForm: false));
        Assert.True(WebhookSignature.IsValid(PskKey, "C3C08C1FEFAF9EE198A100D5906765A6F394BF0F", "https://example.ngrok.io/webhook", body, isForm: false));
        Assert.False(WebhookSignature.IsValid(PskKey, "c3c08c1fefaf9ee198a100d5906765a6f394bf0f", "https://example.ngrok.io/webhook", Utf8("{}"), isForm: false));
        Assert.False(WebhookSignature.IsValid(PskKey, "c3c08c1fefaf9ee198a100d5906765a6f394bf0f", "https://example.ngrok.io/other", body, isForm: false));
        Assert.Equal("c3c08c1fefaf9ee198a100d5906765a6f394bf0f", WebhookSignature.ComputeHex(PskKey, "https://example.ngrok.io/webhook", body));
    }

    [Fact]
    public void Scheme_b_base64_over_url_and_sorted_form_parameters()
    {
        var form = Utf8("CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212");
        Assert.True(WebhookSignature.IsValid(Utf8("12345"), "RSOYDt4T1cUTdK1PDd93/VVr8B8=", "https://mycompany.com/myapp.php?foo=1&bar=2", form, isForm: true));
        Assert.False(WebhookSignature.IsValid(Utf8("12345"), "RSOYDt4T1cUTdK1PDd93/VVr8B8=", "https://mycompany.com/myapp.php?foo=1&bar=2", Utf8("CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=9999"), isForm: true));
    }

    [Fact]
    public void Body_sha256_binds_the_body()
    {
        const string url = "https://example.ngrok.io/webhook?bodySHA256=69f3cbfc18e386ef8236cb7008cd5a54b7fed637a8cb3373b5a1591d7f0fd5f4";
        Assert.True(WebhookSignature.IsValid(PskKey, "dfO9ek8mxyFtn2nMz24plPmPfIY=", url, Utf8("""{"event":"call.state"}"""), isForm: false));
        Assert.False(WebhookSignature.IsValid(PskKey, "dfO9ek8mxyFtn2nMz24plPmPfIY=", url, Utf8("""{"event":"call.ended"}"""), isForm: false));
    }

    [Fact]
    public void Default_ports_are_tried_both_ways()
    {
        var key = Utf8("test-key");
        Assert.True(WebhookSignature.IsValid(key, "lCrjup9EGpBE8MRekOjH9elqPwc=", "https://example.com/webhook", [], isForm: false));
        Assert.True(WebhookSignature.IsValid(key, "lCrjup9EGpBE8MRekOjH9elqPwc=", "https://example.com:443/webhook", [], isForm: false));
        Assert.False(WebhookSignature.IsValid(key, "lCrjup9EGpBE8MRekOjH9elqPwc=", "https://example.com:8443/webhook", [], isForm: false));
        Assert.Equal(["http://a.example/x?y=1", "http://a.example:80/x?y=1"], WebhookSignature.CandidateUrls("http://a.example/x?y=1"));
        Assert.Equal(["https://a.example:443/x", "https://a.example/x"], WebhookSignature.CandidateUrls("https://a.example:443/x"));
        Assert.Equal(["https://a.example:8443/x"], WebhookSignature.CandidateUrls("https://a.example:8443/x"));
    }

    [Fact]
    public void A_url_only_signature_does_not_cover_a_body_unless_allowed()
    {
        var key = Utf8("test-key");
        Assert.False(WebhookSignature.IsValid(key, "lCrjup9EGpBE8MRekOjH9elqPwc=", "https://example.com/webhook", Utf8("{}"), isForm: false));
        Assert.True(WebhookSignature.IsValid(key, "lCrjup9EGpBE8MRekOjH9elqPwc=", "https://example.com/webhook", Utf8("{}"), isForm: false, allowUrlOnly: true));
    }

    [Fact]
    public void Repeated_form_names_keep_their_order()
    {
        var key = Utf8("test-key");
        Assert.True(WebhookSignature.IsValid(key, "x8TMzW4SfG5TI4zuo4PFIS1APNA=", "https://example.com/hook", Utf8("To=a&To=b"), isForm: true));
        Assert.False(WebhookSignature.IsValid(key, "x8TMzW4SfG5TI4zuo4PFIS1APNA=", "https://example.com/hook", Utf8("To=b&To=a"), isForm: true));
        Assert.Equal("x8TMzW4SfG5TI4zuo4PFIS1APNA=", WebhookSignature.ComputeBase64(key, "https://example.com/hook", Utf8("To=a&To=b")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-signature")]
    [InlineData("c3c08c1fefaf9ee198a100d5906765a6f394bf0")]
    public void Missing_or_malformed_signatures_fail(string? signature) =>
        Assert.False(WebhookSignature.IsValid(PskKey, signature, "https://example.ngrok.io/webhook", Utf8("{}"), isForm: false));
}
