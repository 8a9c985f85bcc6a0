using System.Text.Json;
using System.Text.Json.Nodes;
using SignalWire.Agents.Security;

namespace SignalWire.Agents.Auditing;

/// <summary>
/// One field of an audit line: its name, encoded once for the process, and a typed value (text, a number, or
/// a tool call's arguments masked while they are written), so writing a line boxes nothing and copies nothing.
/// </summary>
internal readonly struct AuditField
{
    private readonly string? _text;
    private readonly double _number;
    private readonly JsonObject? _arguments;
    private readonly ArgumentRedactor? _redactor;
    private readonly IReadOnlySet<string>? _toolKeys;
    private readonly bool _isNumber;

    private AuditField(JsonEncodedText name, string? text, double number, bool isNumber, JsonObject? arguments, ArgumentRedactor? redactor, IReadOnlySet<string>? toolKeys)
    {
        Name = name;
        _text = text;
        _number = number;
        _isNumber = isNumber;
        _arguments = arguments;
        _redactor = redactor;
        _toolKeys = toolKeys;
    }

    /// <summary>The field's name.</summary>
    public JsonEncodedText Name { get; }

    /// <summary>A text field; null is written as JSON null.</summary>
    public static implicit operator AuditField((JsonEncodedText Name, string? Value) field) =>
        new(field.Name, field.Value, 0, false, null, null, null);

    /// <summary>A number, written to three decimals.</summary>
    public static implicit operator AuditField((JsonEncodedText Name, double Value) field) =>
        new(field.Name, null, field.Value, true, null, null, null);

    /// <summary>A tool call's arguments, masked by <paramref name="redactor"/> as they are written.</summary>
    public static AuditField Arguments(JsonEncodedText name, ArgumentRedactor redactor, JsonObject arguments, IReadOnlySet<string> toolKeys) =>
        new(name, null, 0, false, arguments, redactor, toolKeys);

    /// <summary>Writes the property.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_arguments is not null)
        {
            writer.WritePropertyName(Name);
            _redactor!.WriteRedacted(writer, _arguments, _toolKeys);
        }
        else if (_isNumber)
        {
            writer.WriteNumber(Name, Math.Round(_number, 3));
        }
        else if (_text is null)
        {
            writer.WriteNull(Name);
        }
        else
        {
            writer.WriteString(Name, _text);
        }
    }
}
