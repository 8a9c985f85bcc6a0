using System.ComponentModel;

namespace SecureAgentExample;

/// <summary>Arguments of <c>transfer_funds</c>; the JSON Schema the AI sees is generated from this record.</summary>
public sealed record TransferArgs(
    [property: Description("Amount to transfer in US dollars")] decimal Amount,
    [property: Description("The 10-character account number to transfer to")] string ToAccount);
