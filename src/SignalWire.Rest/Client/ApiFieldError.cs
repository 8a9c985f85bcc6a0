namespace SignalWire.Rest;

/// <summary>One problem the API reported, usually with the request field it concerns.</summary>
/// <param name="Code">The error code (<c>invalid_parameter</c>, ...), if given.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Attribute">The request field, if the problem is with one.</param>
/// <param name="Url">Documentation for the error, if given.</param>
public sealed record ApiFieldError(string? Code, string Message, string? Attribute, string? Url);
