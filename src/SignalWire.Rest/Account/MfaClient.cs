using System.Text.Json.Nodes;
using SignalWire.Agents.Json;

namespace SignalWire.Rest.Account;

/// <summary>Multi-factor authentication (<c>/api/relay/rest/mfa</c>): send a code by SMS or call, then verify it.</summary>
public sealed class MfaClient
{
    private const string Path = "/api/relay/rest/mfa";
    private readonly RestTransport _transport;

    internal MfaClient(RestTransport transport) => _transport = transport;

    /// <summary>Texts a code to <paramref name="to"/>; the answer's <c>id</c> is what <see cref="VerifyAsync"/> takes.</summary>
    public Task<JsonNode?> SendSmsAsync(string to, string from, MfaOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, Path + "/sms", Body(to, from, options), cancellationToken);

    /// <summary>Calls <paramref name="to"/> and speaks a code.</summary>
    public Task<JsonNode?> SendCallAsync(string to, string from, MfaOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, Path + "/call", Body(to, from, options), cancellationToken);

    /// <summary>Whether <paramref name="token"/> is the code request <paramref name="requestId"/> sent (the answer's <c>success</c>).</summary>
    public async Task<bool> VerifyAsync(string requestId, string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var answer = await _transport.SendAsync(HttpMethod.Post, Path + "/" + Resources.RestResource.Segment(requestId) + "/verify", new JsonObject { ["token"] = token }, cancellationToken).ConfigureAwait(false);
        return (answer as JsonObject)?.GetBoolean("success") == true;
    }

    private static JsonObject Body(string to, string from, MfaOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        var body = new JsonObject { ["to"] = to, ["from"] = from };
        if (options is not null)
        {
            if (options.Message is not null)
            {
                body["message"] = options.Message;
            }

            if (options.TokenLength is { } length)
            {
                body["token_length"] = length;
            }

            if (options.ValidFor is { } valid)
            {
                body["valid_for"] = (int)valid.TotalSeconds;
            }

            if (options.MaxAttempts is { } attempts)
            {
                body["max_attempts"] = attempts;
            }

            if (options.AllowAlphas is { } alphas)
            {
                body["allow_alphas"] = alphas;
            }
        }

        return body;
    }
}
