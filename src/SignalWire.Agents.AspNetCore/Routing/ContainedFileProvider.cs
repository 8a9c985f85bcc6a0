using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace SignalWire.Agents.AspNetCore.Routing;

/// <summary>
/// The files of one static mount, and nothing outside them: a path with a hidden segment (one that starts with a dot,
/// such as <c>.git</c> or <c>.env</c>, at any depth) is not found; every symbolic link on the way is resolved, and a
/// target outside the mount's directory is not found; a file reached through a link inside it is served as the file
/// it points to (its own length and time). Directories are never listed.
/// </summary>
internal sealed class ContainedFileProvider : IFileProvider
{
    private readonly string _root;

    /// <summary>Links followed at most while resolving one path (a loop of links ends there, as in the kernel).</summary>
    private const int MaxLinks = 40;

    public ContainedFileProvider(string directory)
    {
        // The mount itself, or a folder above it, may be a link (a deployment's "current" folder, /tmp on some
        // systems): the boundary is where it really is.
        var links = 0;
        _root = Path.TrimEndingDirectorySeparator(RealPath(Path.GetFullPath(directory), ref links) ?? Path.GetFullPath(directory));
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        var real = Resolve(subpath);
        if (real is null)
        {
            return new NotFoundFileInfo(subpath);
        }

        var file = new FileInfo(real);
        return file.Exists && (file.Attributes & (FileAttributes.Hidden | FileAttributes.System)) == 0
            ? new PhysicalFileInfo(file)
            : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    /// <summary>The real path of <paramref name="subpath"/> inside the root, links resolved, or <see langword="null"/>.</summary>
    private string? Resolve(string subpath)
    {
        if (string.IsNullOrEmpty(subpath))
        {
            return null;
        }

        var current = _root;
        var links = 0;
        foreach (var segment in subpath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('.') || segment.AsSpan().IndexOfAny('\\', '\0', ':') >= 0)
            {
                // Hidden (".git", ".env", "..") or not a plain name on every platform.
                return null;
            }

            current = Follow(Path.Join(current, segment), ref links);
            if (current is null || !Inside(current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary><paramref name="path"/> with every link in it resolved (its folders' too), or <see langword="null"/> when a link cannot be read or they loop.</summary>
    private static string? RealPath(string path, ref int links)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        string? current = root;
        foreach (var segment in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Follow(Path.Join(current, segment), ref links);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary><paramref name="path"/> itself when it is no link, else where its link leads (resolved in full).</summary>
    private static string? Follow(string path, ref int links)
    {
        FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (entry.LinkTarget is null)
        {
            return path;
        }

        if (++links > MaxLinks)
        {
            return null;
        }

        try
        {
            // The final target, whose own folders may be links as well.
            return entry.ResolveLinkTarget(returnFinalTarget: true) is { } target ? RealPath(Path.GetFullPath(target.FullName), ref links) : null;
        }
        catch (IOException)
        {
            // A loop of links, or one that cannot be read.
            return null;
        }
    }

    private bool Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Length > _root.Length
            && full.StartsWith(_root, StringComparison.Ordinal)
            && full[_root.Length] == Path.DirectorySeparatorChar;
    }
}
