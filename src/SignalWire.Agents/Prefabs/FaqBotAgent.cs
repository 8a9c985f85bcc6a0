using System.Text.Json.Nodes;

namespace SignalWire.Agents.Prefabs;

/// <summary>
/// Answers from a fixed FAQ and nothing else: <c>search_faqs</c> ranks the entries by the words they share with the
/// query (question words count double), optionally within a category, and returns the best answer with related
/// questions. Nothing is evaluated or fetched: the FAQ is the whole knowledge.
/// </summary>
public class FaqBotAgent : AgentBase
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "can", "do", "does", "for", "how", "i", "in", "is", "it", "my", "of", "on", "or", "the", "to", "what", "when", "where", "which", "who", "why", "with", "you", "your",
    };

    private readonly IReadOnlyList<(Faq Faq, HashSet<string> QuestionWords, HashSet<string> AnswerWords)> _index;
    private readonly bool _suggestRelated;

    /// <summary>Creates the agent.</summary>
    /// <exception cref="ArgumentException">No entries, or an entry without a question or an answer.</exception>
    public FaqBotAgent(FaqBotOptions options)
        : base(Prefab.Options(options?.Agent, "faq_bot", "/faq"))
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Faqs is not { Count: > 0 } faqs || faqs.Any(f => f is null || string.IsNullOrWhiteSpace(f.Question) || string.IsNullOrWhiteSpace(f.Answer)))
        {
            throw new ArgumentException("FaqBotAgent needs at least one FAQ, each with a question and an answer.", nameof(options));
        }

        _suggestRelated = options.SuggestRelated;
        _index = [.. faqs.Select(f => (f, Words(f.Question), Words(f.Answer)))];
        var categories = faqs.SelectMany(f => f.Categories ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        PromptAddSection("Personality", options.Persona ?? "You are a helpful assistant who answers questions from the FAQ below, clearly and briefly.");
        PromptAddSection("Instructions", bullets:
        [
            "Answer only from the FAQ: search it with search_faqs for every question.",
            "If the FAQ has no answer, say so plainly; never guess or invent one.",
            _suggestRelated ? "When related questions are offered, mention one or two that might help." : "Answer only what was asked.",
        ]);
        PromptAddSection("Topics", bullets: [.. faqs.Select(f => f.Question.Trim())]);
        var properties = new JsonObject { ["query"] = new JsonObject { ["type"] = "string", ["description"] = "The caller's question", ["minLength"] = 1, ["maxLength"] = 500 } };
        if (categories.Count > 0)
        {
            properties["category"] = new JsonObject { ["type"] = "string", ["description"] = "Narrow the search to one category", ["enum"] = new JsonArray([.. categories.Select(c => (JsonNode)c)]) };
        }

        DefineTool("search_faqs", "Search the FAQ for the caller's question", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray("query"),
        }, SearchFaqs);
    }

    private ValueTask<FunctionResult> SearchFaqs(JsonObject args, ToolCallContext context, CancellationToken cancellationToken)
    {
        var query = Words(args["query"]!.GetValue<string>());
        var category = args["category"]?.GetValue<string>();
        var ranked = _index
            .Where(e => category is null || (e.Faq.Categories ?? []).Any(c => string.Equals(c.Trim(), category, StringComparison.OrdinalIgnoreCase)))
            .Select(e => (e.Faq, Score: (2 * e.QuestionWords.Count(query.Contains)) + e.AnswerWords.Count(query.Contains)))
            .Where(e => e.Score > 0)
            .OrderByDescending(e => e.Score)
            .ToList();
        if (ranked.Count == 0)
        {
            return ValueTask.FromResult(new FunctionResult("No matching FAQ was found. Tell the caller you do not have that information."));
        }

        var best = ranked[0].Faq;
        var text = $"Q: {best.Question.Trim()}\nA: {best.Answer.Trim()}";
        if (_suggestRelated && ranked.Count > 1)
        {
            text += "\nRelated questions: " + string.Join("; ", ranked.Skip(1).Take(3).Select(r => r.Faq.Question.Trim()));
        }

        return ValueTask.FromResult(new FunctionResult(text));
    }

    /// <summary>The lower-case words of <paramref name="text"/> that carry meaning.</summary>
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        var lower = text.ToLowerInvariant();
        for (var i = 0; i <= lower.Length; i++)
        {
            var inWord = i < lower.Length && char.IsLetterOrDigit(lower[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = lower[start..i];
                if (word.Length > 1 && !StopWords.Contains(word))
                {
                    words.Add(word);
                }

                start = -1;
            }
        }

        return words;
    }
}
