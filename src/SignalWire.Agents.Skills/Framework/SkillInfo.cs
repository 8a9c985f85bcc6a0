using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills;

/// <summary>A registered skill, as listed by <see cref="SkillRegistry.List"/> and <c>swaig-test --list-skills</c>.</summary>
/// <param name="Name">The name <c>AddSkill</c> takes.</param>
/// <param name="Description">What it does.</param>
/// <param name="Version">Its version.</param>
/// <param name="SupportsMultipleInstances">Whether an agent may add it more than once.</param>
/// <param name="Parameters">Its full parameter schema.</param>
/// <param name="Source">Where it came from: <c>built-in</c>, or the assembly that provided it.</param>
public sealed record SkillInfo(string Name, string Description, string Version, bool SupportsMultipleInstances, JsonObject Parameters, string Source);
