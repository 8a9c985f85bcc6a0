using System.Text.Json.Nodes;
using SignalWire.Rest.Resources;

namespace SignalWire.Rest.Account;

/// <summary>Verified caller ids (<c>/api/relay/rest/verified_caller_ids</c>): numbers you may call from, verified by a code the number receives.</summary>
public sealed class VerifiedCallersResource : RestResource
{
    internal VerifiedCallersResource(RestTransport transport)
        : base(transport, "/api/relay/rest/verified_caller_ids", updateWithPut: true)
    {
    }

    /// <summary>Calls the number again with a new verification code.</summary>
    public Task RedialVerificationAsync(string verifiedCallerId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Segment(verifiedCallerId) + "/verification", null, cancellationToken);

    /// <summary>Submits the code the number received.</summary>
    public Task SubmitVerificationAsync(string verifiedCallerId, string verificationCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationCode);
        return SendAsync(HttpMethod.Put, Segment(verifiedCallerId) + "/verification", new JsonObject { ["verification_code"] = verificationCode }, cancellationToken);
    }
}
