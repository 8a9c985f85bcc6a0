using System.Reflection;
using System.Runtime.Loader;

namespace SignalWire.Agents.Cli.Loading;

/// <summary>
/// Loads the assembly an agent lives in (building the project first when given one) and finds the agents
/// it can create. The SDK assemblies come from the tool itself, so the agent's <see cref="AgentBase"/> is
/// the tool's; the agent's other dependencies are resolved from its own output folder.
/// </summary>
internal static class AgentLoader
{
    /// <summary>What is said when an assembly holds no agent the tool can create.</summary>
    public const string NoAgentFound = "No agent found: expected a public AgentBase subclass with a parameterless constructor, or a public static member marked [AgentFactory].";

    /// <summary>Loads the agent assembly at <paramref name="path"/>: a <c>.dll</c>, a <c>.csproj</c> or a project directory.</summary>
    public static async Task<Assembly> LoadAsync(string path, string configuration, TextWriter log, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        string assemblyPath;
        if (Directory.Exists(full))
        {
            assemblyPath = await ProjectBuilder.BuildAsync(ProjectBuilder.FindProject(full), configuration, log, cancellationToken).ConfigureAwait(false);
        }
        else if (!File.Exists(full))
        {
            throw new CliException($"'{path}' does not exist.");
        }
        else if (full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            assemblyPath = await ProjectBuilder.BuildAsync(full, configuration, log, cancellationToken).ConfigureAwait(false);
        }
        else if (full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            assemblyPath = full;
        }
        else
        {
            throw new CliException($"'{path}' is neither a project (.csproj or its directory) nor an assembly (.dll).");
        }

        return LoadAssembly(assemblyPath);
    }

    private static Assembly LoadAssembly(string assemblyPath)
    {
        var resolver = new AssemblyDependencyResolver(assemblyPath);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            resolver.ResolveAssemblyToPath(name) is { } dependency ? context.LoadFromAssemblyPath(dependency) : null;
        // Native libraries of the agent's packages (SQLite's, say) come from its runtimes/ folders too.
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
            resolver.ResolveUnmanagedDllToPath(name) is { } native ? System.Runtime.InteropServices.NativeLibrary.Load(native) : IntPtr.Zero;
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
        {
            throw new CliException($"'{assemblyPath}' is not a loadable .NET assembly: {ex.Message}", ex);
        }
    }

    /// <summary>Every agent <paramref name="assembly"/> can create, ordered by name.</summary>
    public static IReadOnlyList<AgentCandidate> Discover(Assembly assembly)
    {
        var candidates = new List<AgentCandidate>();
        foreach (var type in LoadableTypes(assembly))
        {
            if (type.IsClass && !type.IsAbstract && type.IsVisible && typeof(AgentBase).IsAssignableFrom(type) && UsableConstructor(type) is { } constructor)
            {
                candidates.Add(new AgentCandidate(type.Name, $"class {type.FullName}", () => (AgentBase)Invoke(() => constructor.Invoke(DefaultArguments(constructor)))));
            }

            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (member.GetCustomAttribute<AgentFactoryAttribute>() is not { } factory)
                {
                    continue;
                }

                var name = factory.Name ?? member.Name;
                if (FactoryFor<AgentBase>(member) is { } create)
                {
                    candidates.Add(new AgentCandidate(name, $"factory {type.FullName}.{member.Name}", create));
                }
                else if (FactoryFor<AspNetCore.AgentServer>(member) is { } createServer)
                {
                    candidates.Add(new AgentCandidate(name, $"agent server {type.FullName}.{member.Name} (pick an agent with --route)", null, createServer));
                }
            }
        }

        return [.. candidates.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>Picks the agent named <paramref name="name"/>, or the only one when no name is given.</summary>
    public static AgentCandidate Select(IReadOnlyList<AgentCandidate> candidates, string? name, string? route = null)
    {
        if (candidates.Count == 0)
        {
            throw new CliException(NoAgentFound);
        }

        if (name is null && route is not null && candidates.Count(c => c.IsServer) == 1)
        {
            // --route alone names an agent of the assembly's only agent server.
            return candidates.Single(c => c.IsServer);
        }

        if (name is null)
        {
            return candidates.Count == 1
                ? candidates[0]
                : throw new CliException($"Several agents found ({string.Join(", ", candidates.Select(c => c.Name))}); choose one with --agent NAME.");
        }

        return candidates.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                || c.Source.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"No agent named '{name}'. Available: {string.Join(", ", candidates.Select(c => c.Name))}.");
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static ConstructorInfo? UsableConstructor(Type type) => type.GetConstructors()
        .Where(c => c.GetParameters().All(p => p.IsOptional))
        .OrderBy(c => c.GetParameters().Length)
        .FirstOrDefault();

    private static object?[] DefaultArguments(ConstructorInfo constructor) =>
        [.. constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : null)];

    private static Func<T>? FactoryFor<T>(MemberInfo member)
        where T : class => member switch
    {
        MethodInfo method when method.GetParameters().Length == 0 && typeof(T).IsAssignableFrom(method.ReturnType) =>
            () => (T)Invoke(() => method.Invoke(null, null)),
        PropertyInfo property when property.GetMethod is { IsPublic: true } && typeof(T).IsAssignableFrom(property.PropertyType) =>
            () => (T)Invoke(() => property.GetValue(null)),
        _ => null,
    };

    private static object Invoke(Func<object?> create)
    {
        try
        {
            return create() ?? throw new CliException("The agent factory returned null.");
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new CliException($"Creating the agent failed: {ex.InnerException.GetType().Name}: {ex.InnerException.Message}", ex.InnerException);
        }
    }
}
