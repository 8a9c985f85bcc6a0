namespace SignalWire.Agents;

/// <summary>Marks a typed tool argument whose value must never appear in logs or the audit trail.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SensitiveAttribute : Attribute;
