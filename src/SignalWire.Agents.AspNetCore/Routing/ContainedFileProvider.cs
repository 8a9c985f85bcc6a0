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

    public ContainedFileProvider(string directory)
    {
        var full = Path.GetFullPath(directory);
        // The mount itself may be a link (a deployment's "current" folder): its target is the boundary.
        _root = Path.TrimEndingDirectorySeparator(new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full);
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
        foreach (var segment in subpath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('.') || segment.AsSpan().IndexOfAny('\\', '\0', ':') >= 0)
            {
                // Hidden (".git", ".env", "..") or not a plain name on every platform.
                return null;
            }

            current = Path.Join(current, segment);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.LinkTarget is not null)
            {
                try
                {
                    current = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                }
                catch (IOException)
                {
                    // A loop of links, or one that cannot be read.
                    return null;
                }

                if (current is null || !Inside(current))
                {
                    return null;
                }
            }
        }

        return current;
    }

    private bool Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Length > _root.Length
            && full.StartsWith(_root, StringComparison.Ordinal)
            && full[_root.Length] == Path.DirectorySeparatorChar;
    }
}
