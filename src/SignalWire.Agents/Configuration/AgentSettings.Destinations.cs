using SignalWire.Agents.Destinations;

namespace SignalWire.Agents;

/// <summary>Resolving the destination policy.</summary>
public sealed partial class AgentSettings
{
    /// <summary>The policy from code, each value it leaves unset from the <c>SWML_*</c> variables, then the defaults.</summary>
    private static DestinationRules ResolveDestinations(DestinationPolicy? policy, Func<string, string?> env)
    {
        policy ??= new DestinationPolicy();
        var merged = new DestinationPolicy
        {
            AllowedCountries = policy.AllowedCountries ?? SplitList(env(EnvironmentVariables.AllowedCountries)),
            AllowedNumberPrefixes = policy.AllowedNumberPrefixes ?? SplitList(env(EnvironmentVariables.AllowedNumberPrefixes)),
            DeniedNumberPrefixes = policy.DeniedNumberPrefixes ?? SplitList(env(EnvironmentVariables.DeniedNumberPrefixes)),
            AllowedSipDomains = policy.AllowedSipDomains ?? SplitList(env(EnvironmentVariables.AllowedSipDomains)),
            AllowedTransferHosts = policy.AllowedTransferHosts ?? SplitList(env(EnvironmentVariables.AllowedTransferHosts)),
            AllowedDataHosts = policy.AllowedDataHosts ?? SplitList(env(EnvironmentVariables.AllowedDataHosts)),
            BlockHighCostNumbers = policy.BlockHighCostNumbers ?? ParseBool(env(EnvironmentVariables.BlockHighCostNumbers), EnvironmentVariables.BlockHighCostNumbers),
            MaxTransfersPerCall = policy.MaxTransfersPerCall ?? ParseInt(env(EnvironmentVariables.MaxTransfersPerCall), EnvironmentVariables.MaxTransfersPerCall, 0, 1_000_000),
            MaxMessagesPerCall = policy.MaxMessagesPerCall ?? ParseInt(env(EnvironmentVariables.MaxMessagesPerCall), EnvironmentVariables.MaxMessagesPerCall, 0, 1_000_000),
        };

        try
        {
            return DestinationRules.Create(merged);
        }
        catch (ArgumentException ex)
        {
            throw new AgentConfigurationException(ex.Message, ex);
        }
    }
}
