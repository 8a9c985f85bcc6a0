namespace SignalWire.Agents.Security;

/// <summary>
/// Marks a store (<see cref="RateLimiting.IRateLimitStore"/>, <see cref="INonceStore"/>, <see cref="ICallStateStore"/>)
/// whose state every replica of an agent shares. A host that finds one runs the agent as one of several replicas,
/// and so refuses to start with anything generated per process (a token secret, a Basic Auth password) that the
/// other replicas could not know.
/// </summary>
public interface IReplicaSharedStore
{
}
