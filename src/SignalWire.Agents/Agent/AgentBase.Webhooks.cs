using System.Net;

namespace SignalWire.Agents;

/// <summary>Webhook URL settings: SWAIG query parameters, URL overrides, debug events and multilingual mode.</summary>
public partial class AgentBase
{
    /// <summary>Pseudo-route the platform posts AI debug events to.</summary>
    public const string DebugEventsRoute = "debug_events";


    /// <summary>
    /// Adds query parameters to every generated webhook URL (default SWAIG URL, secure tools' URLs, the
    /// post-prompt and debug URLs), e.g. a tenant selector that per-request configuration reads back. Later
    /// values replace earlier ones with the same name; empty values are skipped.
    /// </summary>
    public AgentBase AddSwaigQueryParams(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var entries = parameters.Where(p => !string.IsNullOrEmpty(p.Key) && !string.IsNullOrEmpty(p.Value)).ToArray();
        if (entries.Any(p => p.Key is "__token" or "token"))
        {
            throw new ArgumentException("'__token' and 'token' are reserved for secure-tool tokens.", nameof(parameters));
        }

        return Mutate(() =>
        {
            foreach (var entry in entries)
            {
                _state.SwaigQuery.RemoveAll(p => p.Key == entry.Key);
                _state.SwaigQuery.Add(entry);
            }
        });
    }

    /// <summary>Removes every SWAIG query parameter.</summary>
    public AgentBase ClearSwaigQueryParams() => Mutate(_state.SwaigQuery.Clear);

    /// <summary>Sends the conversation summary to <paramref name="url"/> instead of this agent's <c>/post_prompt</c>.</summary>
    public AgentBase SetPostPromptUrl(Uri url) => Mutate(() => _state.PostPromptUrl = Absolute(url));

    /// <summary>Sends tool calls without their own URL to <paramref name="url"/> (<c>SWAIG.defaults.web_hook_url</c>) instead of this agent.</summary>
    public AgentBase SetWebHookUrl(Uri url) => Mutate(() => _state.WebHookUrl = Absolute(url));

    /// <summary>Asks the platform to post AI debug events (level 0–2) to this agent's <c>/debug_events</c>; see <see cref="OnDebugEvent"/>.</summary>
    public AgentBase EnableDebugEvents(int level = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 2);
        return Mutate(() => _state.DebugEventsLevel = level);
    }

    /// <summary>Whether <see cref="EnableDebugEvents"/> was called.</summary>
    public bool DebugEventsEnabled
    {
        get
        {
            lock (_gate)
            {
                return _state.DebugEventsLevel is not null;
            }
        }
    }

    /// <summary>Registers a handler for AI debug events posted to <c>/debug_events</c>.</summary>
    public AgentBase OnDebugEvent(Func<DebugEvent, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Mutate(() => _state.DebugHandler = handler);
    }

    /// <summary>Called for each debug event; the default runs the handler given to <see cref="OnDebugEvent"/>.</summary>
    protected internal virtual ValueTask OnDebugEventAsync(DebugEvent debugEvent, CancellationToken cancellationToken)
    {
        Func<DebugEvent, CancellationToken, ValueTask>? handler;
        lock (_gate)
        {
            handler = _state.DebugHandler;
        }

        return handler is null ? ValueTask.CompletedTask : handler(debugEvent, cancellationToken);
    }

    /// <summary>Switches to ASR-driven multilingual mode (<c>ai.multilingual</c>).</summary>
    public AgentBase SetMultilingual(MultilingualSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return Mutate(() => _state.Multilingual = settings);
    }

    /// <summary>The SWAIG query string (without <c>?</c>), form-encoded; empty when none.</summary>
    private string SwaigQueryString() =>
        string.Join('&', _state.SwaigQuery.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));

    private static Uri Absolute(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Json.WireUrl.IsAbsoluteHttp(url)
            ? url
            : throw new ArgumentException($"'{url}' must be an absolute http(s) URL.", nameof(url));
    }
}
