using Microsoft.AspNetCore.Http;

namespace SignalWire.Agents.AspNetCore.Http;

/// <summary>
/// Marks a request admitted with the previous password of a rotation, so that what is answered to it (webhook URLs
/// in an SWML document) carries that password and never the current one. Requests with the current password carry
/// no mark, so the common path costs one feature lookup.
/// </summary>
internal sealed class PresentedCredential
{
    private static readonly PresentedCredential Previous = new();

    private PresentedCredential()
    {
    }

    /// <summary>Records whether <paramref name="context"/> was admitted with the previous password.</summary>
    public static void Mark(HttpContext context, bool previous) =>
        context.Features.Set(previous ? Previous : null);

    /// <summary>Whether <paramref name="context"/> was admitted with the previous password.</summary>
    public static bool IsPrevious(HttpContext context) => context.Features.Get<PresentedCredential>() is not null;
}
