using System.Globalization;
using System.Text;

namespace SignalWire.Agents.Skills;

/// <summary>
/// A local index of a folder's documents, ranked by keywords (Okapi BM25): files are split into passages at
/// headings and blank lines, each passage remembers its file and the heading above it. No embedding model is needed,
/// so it builds anywhere in a moment; it matches words, not meanings.
/// </summary>
internal sealed class KeywordIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int MaxPassageChars = 1200;
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "i", "in", "is", "it", "me", "my",
        "of", "on", "or", "our", "the", "this", "to", "was", "what", "when", "where", "which", "who", "why", "with", "you", "your",
    };

    private readonly List<Passage> _passages = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private double _averageLength;

    /// <summary>The passages indexed.</summary>
    public int Count => _passages.Count;

    /// <summary>Indexes the files under <paramref name="folder"/> whose extension is one of <paramref name="extensions"/>.</summary>
    /// <exception cref="AgentConfigurationException">Too many files, or a file too large.</exception>
    public static KeywordIndex Build(string folder, IReadOnlyCollection<string> extensions, int maxFiles = 5000, long maxFileBytes = 1024 * 1024)
    {
        var index = new KeywordIndex();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f).TrimStart('.'), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count > maxFiles)
        {
            throw new AgentConfigurationException($"Skill 'native_vector_search': {folder} has more than {maxFiles} documents to index.");
        }

        foreach (var file in files)
        {
            if (new FileInfo(file).Length > maxFileBytes)
            {
                throw new AgentConfigurationException($"Skill 'native_vector_search': {file} is larger than {maxFileBytes / 1024} KiB.");
            }

            index.AddDocument(Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText(file));
        }

        index._averageLength = index._passages.Count == 0 ? 0 : index._passages.Average(p => p.Length);
        return index;
    }

    /// <summary>The best <paramref name="count"/> passages for <paramref name="query"/>, best first, with their scores.</summary>
    public IReadOnlyList<(string Content, string File, string? Section, double Score)> Search(string query, int count)
    {
        var terms = Terms(query).Distinct(StringComparer.Ordinal).Where(_documentFrequency.ContainsKey).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        // Each term's inverse document frequency depends on the query only: computed once, not once per passage.
        var total = _passages.Count;
        var weighted = terms.Select(t => (Term: t, Idf: Math.Log(1 + ((total - _documentFrequency[t] + 0.5) / (_documentFrequency[t] + 0.5))))).ToList();
        return [.. _passages
            .Select(p => (Passage: p, Score: weighted.Sum(w =>
            {
                var frequency = p.Frequencies.GetValueOrDefault(w.Term);
                return frequency == 0 ? 0 : w.Idf * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * p.Length / _averageLength))));
            })))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Passage.Order)
            .Take(count)
            .Select(s => (s.Passage.Content, s.Passage.File, s.Passage.Section, Math.Round(s.Score, 4)))];
    }

    private static IEnumerable<string> Terms(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            if (word.Length > 0 && !StopWords.Contains(word.ToString()))
            {
                yield return Stem(word.ToString());
            }

            word.Clear();
        }
    }

    /// <summary>A light English stemmer, so "returns", "returned" and "returning" meet "return".</summary>
    private static string Stem(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 4 } when word.EndsWith("ed", StringComparison.Ordinal) => word[..^2],
        { Length: > 4 } when word.EndsWith("sses", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    private void AddDocument(string file, string text)
    {
        string? section = null;
        var block = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').Append(string.Empty))
        {
            var heading = line.StartsWith('#') ? line.TrimStart('#').Trim() : null;
            if (heading is not null || line.Trim().Length == 0 || block.Length + line.Length > MaxPassageChars)
            {
                AddPassage(file, section, block.ToString().Trim());
                block.Clear();
            }

            if (heading is not null)
            {
                section = heading;
            }
            else if (line.Trim().Length > 0)
            {
                block.Append(line.Trim()).Append(' ');
            }
        }
    }

    private void AddPassage(string file, string? section, string content)
    {
        if (content.Length == 0)
        {
            return;
        }

        var terms = Terms(section is null ? content : section + " " + content).ToList();
        var frequencies = terms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var term in frequencies.Keys)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }

        _passages.Add(new Passage(content, file, section, frequencies, terms.Count, _passages.Count));
    }

    private sealed record Passage(string Content, string File, string? Section, Dictionary<string, int> Frequencies, int Length, int Order);
}
