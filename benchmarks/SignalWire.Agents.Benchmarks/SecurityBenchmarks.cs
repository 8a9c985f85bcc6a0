using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SecureAgentExample;
using SignalWire.Agents.Security;
using SignalWire.Agents.Swml;
using SignalWire.Agents.Tools;

namespace SignalWire.Agents.Benchmarks;

/// <summary>The per-request security and rendering costs of the example agent.</summary>
[MemoryDiagnoser]
public class SecurityBenchmarks
{
    private readonly SecureAgent _agent = new(new AgentOptions
    {
        Name = "secure-agent",
        BasicAuthUser = "signalwire",
        BasicAuthPassword = "benchmark-password-0123456789abcdef",
        SwaigSecret = "benchmark-secret",
    });

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private ToolDefinition _transfer = null!;
    private JsonObject _validArgs = null!;
    private string _token = null!;
    private string _authorization = null!;

    [GlobalSetup]
    public void Setup()
    {
        _agent.Tools.TryGet("transfer_funds", out var transfer);
        _transfer = transfer!;
        _validArgs = JsonNode.Parse("""{"amount":250.5,"to_account":"1234567890","confirmed":true}""")!.AsObject();
        _token = _agent.Settings.Tokens.Mint("transfer_funds", "call-1");
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("signalwire:benchmark-password-0123456789abcdef"));
    }

    [Benchmark]
    public int ValidateArguments() => _transfer.Validator.Validate(_validArgs).Count;

    [Benchmark]
    public TokenCheck CheckToken() => _agent.Settings.Tokens.Check(_token, "transfer_funds", "call-1");

    [Benchmark]
    public string MintToken() => _agent.Settings.Tokens.Mint("transfer_funds", "call-1");

    [Benchmark]
    public bool CheckBasicAuth() => _agent.Settings.BasicAuth.Verify(_authorization);

    [Benchmark]
    public int RenderSwml()
    {
        _buffer.ResetWrittenCount();
        AgentDocumentRenderer.Render(_agent, "https://signalwire:pw@agent.example.com", "call-1", _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>The caller key every per-caller limit reads: an E.164 number as the platform sends it.</summary>
    [Benchmark]
    public string? NormalizeCallerNumber() => Verification.CallerNumber.Normalize("+14155550123");

    /// <summary>The same for a spelling that needs unwrapping and separators dropped.</summary>
    [Benchmark]
    public string? NormalizeCallerSpelling() => Verification.CallerNumber.Normalize("tel:+1 (415) 555-0123");
}
