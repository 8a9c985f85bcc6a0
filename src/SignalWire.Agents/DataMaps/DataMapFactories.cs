namespace SignalWire.Agents.DataMaps;

/// <summary>Ready-made DataMap tools for the two common cases: one API call, and pattern matching without any call.</summary>
public static class DataMapFactories
{
    /// <summary>
    /// A tool that calls one API (<paramref name="url"/> may use <c>${args.name}</c>) and answers with
    /// <paramref name="responseTemplate"/> (which may use <c>${response.field}</c>); a response carrying any
    /// of <paramref name="errorKeys"/> counts as a failure.
    /// </summary>
    public static DataMap SimpleApiTool(
        string name, string url, string responseTemplate, IEnumerable<DataMapParameter>? parameters = null,
        string method = "GET", IReadOnlyDictionary<string, string>? headers = null, IEnumerable<string>? errorKeys = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseTemplate);
        var map = WithParameters(new DataMap(name), parameters).Webhook(method, url, headers).Output(new FunctionResult(responseTemplate));
        return errorKeys is null ? map : map.ErrorKeys([.. errorKeys]);
    }

    /// <summary>
    /// A tool answered on the platform by the first pattern that matches: each entry maps a test value
    /// (e.g. <c>${args.command}</c>) to a regular expression and the result to give.
    /// </summary>
    public static DataMap ExpressionTool(string name, IEnumerable<(string TestValue, string Pattern, FunctionResult Output)> patterns, IEnumerable<DataMapParameter>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var map = WithParameters(new DataMap(name), parameters);
        foreach (var (testValue, pattern, output) in patterns)
        {
            map.Expression(testValue, pattern, output);
        }

        return map;
    }

    private static DataMap WithParameters(DataMap map, IEnumerable<DataMapParameter>? parameters)
    {
        foreach (var p in parameters ?? [])
        {
            map.Parameter(p.Name, p.Type, p.Description, p.Required, p.Enum);
        }

        return map;
    }
}
