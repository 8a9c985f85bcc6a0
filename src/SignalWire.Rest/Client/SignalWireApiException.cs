using System.Net;

namespace SignalWire.Rest;

/// <summary>
/// A REST request failed: the API answered with an error status (<see cref="StatusCode"/>), or no answer came
/// (<see cref="StatusCode"/> is <see langword="null"/>: a time-out or a transport failure). The message names the
/// method and path, the status, the API's own messages and its request id; never the credentials.
/// </summary>
public sealed class SignalWireApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SignalWireApiException(string message, HttpStatusCode? statusCode, IReadOnlyList<ApiFieldError>? errors = null, string? requestId = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Errors = errors ?? [];
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SignalWireApiException()
        : this("The SignalWire API request failed.", (HttpStatusCode?)null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SignalWireApiException(string message)
        : this(message, (HttpStatusCode?)null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SignalWireApiException(string message, Exception innerException)
        : this(message, null, null, null, null, innerException)
    {
    }

    /// <summary>The status the API answered with; <see langword="null"/> when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The API's error code (of its first error), if any.</summary>
    public string? ErrorCode => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>Every problem the API listed (validation errors name their field in <see cref="ApiFieldError.Attribute"/>).</summary>
    public IReadOnlyList<ApiFieldError> Errors { get; }

    /// <summary>The API's request id (for SignalWire support), if it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>How long to wait before trying again (from <c>Retry-After</c> on 429 and 503), if given.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the failure is worth retrying later (no answer, 429, or a 5xx).</summary>
    public bool IsTransient => StatusCode is null or HttpStatusCode.TooManyRequests || (int?)StatusCode >= 500;
}
