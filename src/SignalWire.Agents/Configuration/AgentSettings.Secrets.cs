using SignalWire.Agents.Security;

namespace SignalWire.Agents;

/// <summary>Where the credentials come from, and the previous values accepted while they are rotated.</summary>
public sealed partial class AgentSettings
{
    private static BasicAuthCredentials ResolveCredentials(AgentOptions options, Func<string, string?> env)
    {
        var previous = options.PreviousBasicAuthPassword ?? env(EnvironmentVariables.PreviousBasicAuthPassword);
        if (options.BasicAuthUser is not null || options.BasicAuthPassword is not null)
        {
            if (string.IsNullOrEmpty(options.BasicAuthUser) || string.IsNullOrEmpty(options.BasicAuthPassword))
            {
                throw new AgentConfigurationException("Set both BasicAuthUser and BasicAuthPassword, or neither.");
            }

            return new BasicAuthCredentials(options.BasicAuthUser, options.BasicAuthPassword, previous, CredentialSource.Options);
        }

        var user = env(EnvironmentVariables.BasicAuthUser);
        var password = env(EnvironmentVariables.BasicAuthPassword);
        if (password is not null)
        {
            return new BasicAuthCredentials(user ?? BasicAuthCredentials.DefaultUser, password, previous, CredentialSource.Environment);
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
    private static byte[] ResolvePrevious(string? fromOptions, string? fromEnvironment, CredentialSource current, string what, string currentVariable)
    {
        var previous = string.IsNullOrEmpty(fromOptions) ? fromEnvironment : fromOptions;
        if (string.IsNullOrEmpty(previous))
        {
            return [];
        }

        return current == CredentialSource.Generated
            ? throw PreviousWithoutCurrent(what, currentVariable)
            : System.Text.Encoding.UTF8.GetBytes(previous);
    }

    private static AgentConfigurationException PreviousWithoutCurrent(string what, string currentVariable) =>
        new($"A previous {what} is set, but no current one ({currentVariable}): a rotation needs the new value as the current one.");
}
