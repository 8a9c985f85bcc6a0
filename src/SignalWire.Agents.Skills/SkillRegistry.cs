using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace SignalWire.Agents.Skills;

/// <summary>
/// The skills <c>AddSkill("name")</c> can find: the built-in ones, those registered in code, and those found by
/// <see cref="SkillAttribute"/> in assemblies you name. A name is letters, digits, <c>_</c> and <c>-</c>; a
/// registered name cannot be taken again (so no assembly can shadow a built-in skill).
/// </summary>
public static class SkillRegistry
{
    private static readonly ConcurrentDictionary<string, (Func<SkillBase> Create, string Source)> Skills = new(StringComparer.Ordinal);

    static SkillRegistry()
    {
        Add(() => new DateTimeSkill(), "built-in");
        Add(() => new MathSkill(), "built-in");
        Add(() => new JokeSkill(), "built-in");
        Add(() => new TriviaSkill(), "built-in");
        Add(() => new WeatherSkill(), "built-in");
        Add(() => new PlayBackgroundFileSkill(), "built-in");
        Add(() => new InfoGathererSkill(), "built-in");
        Add(() => new SwmlTransferSkill(), "built-in");
        Add(() => new DataSphereSkill(), "built-in");
        Add(() => new DataSphereServerlessSkill(), "built-in");
        Add(() => new WikipediaSearchSkill(), "built-in");
        Add(() => new WebSearchSkill(), "built-in");
        Add(() => new GoogleMapsSkill(), "built-in");
        Add(() => new SpiderSkill(), "built-in");
        Add(() => new NativeVectorSearchSkill(), "built-in");
        Add(() => new McpGatewaySkill(), "built-in");
        Add(() => new ClaudeSkillsSkill(), "built-in");
        Add(() => new AskClaudeSkill(), "built-in");
    }

    /// <summary>Registers a skill made by <paramref name="create"/> under its <see cref="SkillBase.Name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not allowed or is already registered.</exception>
    public static void Register(Func<SkillBase> create) => Add(create ?? throw new ArgumentNullException(nameof(create)), "code");

    /// <summary>Registers every public <see cref="SkillAttribute"/> class of <paramref name="assembly"/> (by reflection: not for trimmed apps).</summary>
    /// <exception cref="ArgumentException">A skill's name is not allowed or already registered.</exception>
    [RequiresUnreferencedCode("Finds skill types by reflection; register trimmed apps' skills with Register(() => new MySkill()).")]
    public static int RegisterFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var count = 0;
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.GetCustomAttribute<SkillAttribute>() is null || !typeof(SkillBase).IsAssignableFrom(type) || type.IsAbstract)
            {
                continue;
            }

            if (type.GetConstructor(Type.EmptyTypes) is not { } constructor)
            {
                throw new ArgumentException($"Skill type {type.FullName} needs a public parameterless constructor.", nameof(assembly));
            }

            Add(() => (SkillBase)constructor.Invoke(null), assembly.GetName().Name ?? "assembly");
            count++;
        }

        return count;
    }

    /// <summary>Every registered skill, by name.</summary>
    public static IReadOnlyList<SkillInfo> List() =>
        [.. Skills.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Describe(s.Value.Create(), s.Value.Source))];

    /// <summary>A new instance of skill <paramref name="name"/>.</summary>
    /// <exception cref="AgentConfigurationException">No skill has that name.</exception>
    public static SkillBase Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Skills.TryGetValue(name, out var entry)
            ? entry.Create()
            : throw new AgentConfigurationException($"Skill '{name}' is not registered. Registered skills: {string.Join(", ", Skills.Keys.Order(StringComparer.Ordinal))}.");
    }

    internal static SkillInfo Describe(SkillBase skill, string source) =>
        new(skill.Name, skill.Description, skill.Version, skill.SupportsMultipleInstances, skill.FullParameterSchema, source);

    private static void Add(Func<SkillBase> create, string source)
    {
        var name = create().Name;
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"Skill name '{name}' may only contain letters, digits, '_' and '-'.", nameof(create));
        }

        if (!Skills.TryAdd(name, (create, source)))
        {
            throw new ArgumentException($"A skill named '{name}' is already registered ({Skills[name].Source}).", nameof(create));
        }
    }
}
