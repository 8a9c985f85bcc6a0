namespace SignalWire.Agents.Skills;

/// <summary>Marks a <see cref="SkillBase"/> subclass for <see cref="SkillRegistry.RegisterFrom"/> (it needs a public parameterless constructor).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SkillAttribute : Attribute;
