using System.Net;

namespace SignalWire.Agents.Skills;

/// <summary>
/// An outbound request failed. The message names the method, host and path only: never the query string (where
/// some services take their API key), headers or body.
/// </summary>
public sealed class SkillHttpException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SkillHttpException(SkillHttpFailure failure, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SkillHttpException()
        : this(SkillHttpFailure.Network, "The outbound request failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SkillHttpException(string message)
        : this(SkillHttpFailure.Network, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SkillHttpException(string message, Exception innerException)
        : this(SkillHttpFailure.Network, message, null, innerException)
    {
    }

    /// <summary>Why it failed.</summary>
    public SkillHttpFailure Failure { get; }

    /// <summary>The status the service answered with, for <see cref="SkillHttpFailure.Status"/>.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How a request is named in messages and logs: method, scheme, host, port and path, never the query.</summary>
    public static string Describe(HttpMethod method, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        return $"{method} {uri.GetLeftPart(UriPartial.Path)}";
    }
}
