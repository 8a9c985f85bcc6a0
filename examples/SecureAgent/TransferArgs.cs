using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using SignalWire.Agents;

namespace SecureAgentExample;

/// <summary>
/// Arguments of <c>transfer_funds</c>. The JSON Schema the AI sees is generated from this record, and the
/// SDK enforces the constraints before the handler runs: the amount must be greater than 0 and the
/// destination exactly 10 characters. The account number never appears in the audit log.
/// </summary>
public sealed record TransferArgs(
    [property: Description("Amount to transfer in US dollars"), Range(0, double.MaxValue, MinimumIsExclusive = true)] decimal Amount,
    [property: Description("The 10-character account number to transfer to"), StringLength(10, MinimumLength = 10), Sensitive] string ToAccount);
