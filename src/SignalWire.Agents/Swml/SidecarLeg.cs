namespace SignalWire.Agents.Swml;

/// <summary>A leg of the call, as the <c>ai_sidecar</c> verb names them.</summary>
public enum SidecarLeg
{
    /// <summary>The far end (<c>remote-caller</c>).</summary>
    RemoteCaller,

    /// <summary>The near end (<c>local-caller</c>).</summary>
    LocalCaller,
}

/// <summary>Wire names of <see cref="SidecarLeg"/>.</summary>
internal static class SidecarLegs
{
    public static string Wire(SidecarLeg leg) => leg == SidecarLeg.RemoteCaller ? "remote-caller" : "local-caller";
}
