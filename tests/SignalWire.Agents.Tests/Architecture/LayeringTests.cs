using System.Text.RegularExpressions;
using System.Xml.Linq;
using SignalWire.Agents.Testing;

namespace SignalWire.Agents.Tests.Architecture;

/// <summary>
/// The structure docs/architecture.md describes, checked on the source: folders inside a library depend on one
/// another in one direction, and no production assembly sees another's internals.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Libraries = ["SignalWire.Agents", "SignalWire.Agents.AspNetCore", "SignalWire.Agents.Redis", "SignalWire.Agents.Skills", "SignalWire.Agents.Cli", "SignalWire.Rest", "SignalWire.Relay", "SignalWire.Agents.Mcp", "SignalWire.Agents.AzureFunctions", "SignalWire.Agents.OpenTelemetry"];

    [Fact]
    public void No_folder_depends_on_a_folder_that_depends_on_it()
    {
        var loops = Libraries.SelectMany(FolderLoops).ToList();

        Assert.True(loops.Count == 0, "Folder-level import loops:\n" + string.Join("\n", loops));
    }

    [Fact]
    public void No_production_assembly_sees_another_ones_internals()
    {
        var grants = Libraries
            .SelectMany(library => XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", library, library + ".csproj"))
                .Descendants("InternalsVisibleTo")
                .Select(e => (Library: library, Friend: (string?)e.Attribute("Include") ?? string.Empty)))
            .Where(g => !g.Friend.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(g => $"{g.Library} -> {g.Friend}")
            .ToList();

        Assert.Empty(grants);
    }

    [Theory]
    [InlineData("SignalWire.Agents.Redis", "SignalWire.Agents")]
    [InlineData("SignalWire.Agents.Skills", "SignalWire.Agents")]
    [InlineData("SignalWire.Agents.OpenTelemetry", "SignalWire.Agents")]
    public void A_package_that_only_needs_the_core_references_only_the_core(string library, string only)
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", library, library + ".csproj"));

        var references = project.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension((string?)r.Attribute("Include") ?? string.Empty)).ToList();
        Assert.Equal([only], references);
        Assert.DoesNotContain(project.Descendants("FrameworkReference"), r => (string?)r.Attribute("Include") == "Microsoft.AspNetCore.App");
    }

    [Fact]
    public void Library_settings_follow_the_tree_not_a_path_separator()
    {
        // A test on "/src/" in MSBuildProjectDirectory is false on Windows, where every library would silently lose
        // its packaging, AOT analysis and public-API checks: src/ says what it is with a property instead.
        var root = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var src = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Directory.Build.props"));

        Assert.DoesNotMatch(@"MSBuildProjectDirectory[^""]*Contains", root);
        Assert.Equal("true", src.Descendants("IsShippingLibrary").Single().Value);
        Assert.Contains(src.Descendants("Import"), i => ((string?)i.Attribute("Project") ?? string.Empty).Contains("GetPathOfFileAbove", StringComparison.Ordinal));
        Assert.All(Libraries, library => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "src", library, "PublicAPI.Shipped.txt")), library));
    }

    /// <summary>Pairs of top-level folders of <paramref name="library"/> that each use a type declared in the other.</summary>
    private static IEnumerable<string> FolderLoops(string library)
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", library);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Folder: FolderOf(root, f), Code: Code(File.ReadAllText(f))))
            .ToList();
        var declaredIn = files
            .SelectMany(f => Declaration().Matches(f.Code).Select(m => (Type: m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, f.Folder)))
            .GroupBy(d => d.Type)
            .Where(g => g.Select(d => d.Folder).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Folder, StringComparer.Ordinal);
        var edges = files
            .SelectMany(f => Identifier().Matches(f.Code)
                .Select(m => declaredIn.GetValueOrDefault(m.Value))
                .Where(target => target is not null && target != f.Folder)
                .Select(target => (From: f.Folder, To: target!)))
            .ToHashSet();
        return edges
            .Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From)))
            .Select(e => $"{library}: {e.From} <-> {e.To}");
    }

    private static string FolderOf(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return separator < 0 ? "(root)" : relative[..separator];
    }

    /// <summary>The code without comments, namespace and using lines (whose words are not dependencies).</summary>
    private static string Code(string source) => Directives().Replace(Comments().Replace(source, string.Empty), string.Empty);

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)|\bdelegate\s+\S+\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"^(?:namespace|using) .*$", RegexOptions.Multiline)]
    private static partial Regex Directives();
}
