using SignalWire.Rest.Resources;

namespace SignalWire.Rest.Registry;

/// <summary>The 10DLC registry (<c>/api/relay/rest/registry/beta</c>): brands and their campaigns, campaigns' numbers and orders.</summary>
public sealed class RegistryClient
{
    private const string Root = "/api/relay/rest/registry/beta";

    internal RegistryClient(RestTransport transport)
    {
        Brands = new RestResource(transport, Root + "/brands");
        Campaigns = new RestResource(transport, Root + "/campaigns", updateWithPut: true);
        Numbers = new RestResource(transport, Root + "/numbers");
        Orders = new RestResource(transport, Root + "/orders");
    }

    /// <summary>Brands (their <c>campaigns</c> as a sub-collection: list and create).</summary>
    public RestResource Brands { get; }

    /// <summary>Campaigns (their <c>numbers</c> and <c>orders</c> as sub-collections).</summary>
    public RestResource Campaigns { get; }

    /// <summary>Numbers assigned to campaigns (delete to unassign).</summary>
    public RestResource Numbers { get; }

    /// <summary>Number orders.</summary>
    public RestResource Orders { get; }
}
