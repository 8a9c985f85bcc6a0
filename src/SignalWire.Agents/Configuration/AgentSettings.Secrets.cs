using SignalWire.Agents.Security;

namespace SignalWire.Agents;

/// <summary>Where the credentials come from, and the previous values accepted while they are rotated.</summary>
public sealed partial class AgentSettings
{
    private static BasicAuthCredentials ResolveCredentials(AgentOptions options, Func<string, string?> env, TimeProvider time)
    {
        RefuseEmpty(options.PreviousBasicAuthPassword, nameof(AgentOptions.PreviousBasicAuthPassword));
        var previous = options.PreviousBasicAuthPassword ?? env(EnvironmentVariables.PreviousBasicAuthPassword);
        var until = ResolveUntil(options.PreviousBasicAuthPasswordUntil, env, EnvironmentVariables.PreviousBasicAuthPasswordUntil, previous, EnvironmentVariables.PreviousBasicAuthPassword);
        if (options.BasicAuthUser is not null || options.BasicAuthPassword is not null)
        {
            if (string.IsNullOrEmpty(options.BasicAuthUser) || string.IsNullOrEmpty(options.BasicAuthPassword))
            {
                throw new AgentConfigurationException("Set both BasicAuthUser and BasicAuthPassword, or neither.");
            }

            return new BasicAuthCredentials(options.BasicAuthUser, options.BasicAuthPassword, previous, until, CredentialSource.Options, time);
        }

        var user = env(EnvironmentVariables.BasicAuthUser);
        var password = env(EnvironmentVariables.BasicAuthPassword);
        if (password is not null)
        {
            return new BasicAuthCredentials(user ?? BasicAuthCredentials.DefaultUser, password, previous, until, CredentialSource.Environment, time);
        }

        if (!string.IsNullOrEmpty(previous))
        {
            throw PreviousWithoutCurrent("Basic Auth password", EnvironmentVariables.BasicAuthPassword);
        }

        return new BasicAuthCredentials(user ?? BasicAuthCredentials.DefaultUser, SecretGenerator.NewPassword(), CredentialSource.Generated);
    }

    private static (byte[] Secret, CredentialSource Source) ResolveSecret(AgentOptions options, Func<string, string?> env)
    {
        if (!string.IsNullOrEmpty(options.SwaigSecret))
        {
            return (System.Text.Encoding.UTF8.GetBytes(options.SwaigSecret), CredentialSource.Options);
        }

        var fromEnv = env(EnvironmentVariables.SwaigSecret);
        return fromEnv is not null
            ? (System.Text.Encoding.UTF8.GetBytes(fromEnv), CredentialSource.Environment)
            : (SecretGenerator.NewKey(), CredentialSource.Generated);
    }

    /// <summary>A previous value (options, then environment), refused when there is no configured current one to rotate to.</summary>
    private static byte[] ResolvePrevious(string? fromOptions, string? fromEnvironment, CredentialSource current, string what, string currentVariable, string optionName)
    {
        RefuseEmpty(fromOptions, optionName);
        var previous = fromOptions ?? fromEnvironment;
        if (string.IsNullOrEmpty(previous))
        {
            return [];
        }

        return current == CredentialSource.Generated
            ? throw PreviousWithoutCurrent(what, currentVariable)
            : System.Text.Encoding.UTF8.GetBytes(previous);
    }

    /// <summary>An empty previous value set in code would accept an empty credential: refused rather than read as "none".</summary>
    private static void RefuseEmpty(string? fromOptions, string optionName)
    {
        if (fromOptions is not null && string.IsNullOrWhiteSpace(fromOptions))
        {
            throw new AgentConfigurationException($"AgentOptions.{optionName} is set but empty: leave it null when nothing is being rotated out.");
        }
    }

    /// <summary>
    /// When a previous value stops being accepted (options, then the <c>…_PREVIOUS_UNTIL</c> variable as ISO 8601), or
    /// <see langword="null"/>; an expiry without a previous value is a mistake worth stopping for.
    /// </summary>
    private static DateTimeOffset? ResolveUntil(DateTimeOffset? fromOptions, Func<string, string?> env, string variable, string? previous, string previousVariable)
    {
        DateTimeOffset? until = fromOptions;
        if (until is null && env(variable) is { } text)
        {
            until = DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new AgentConfigurationException($"{variable}='{text}' is not a date and time (use ISO 8601, e.g. 2026-12-09T12:00:00Z).");
        }

        return until is not null && string.IsNullOrEmpty(previous)
            ? throw new AgentConfigurationException($"{variable} is set, but {previousVariable} is not: an expiry needs the previous value it ends.")
            : until;
    }

    private static AgentConfigurationException PreviousWithoutCurrent(string what, string currentVariable) =>
        new($"A previous {what} is set, but no current one ({currentVariable}): a rotation needs the new value as the current one.");
}
