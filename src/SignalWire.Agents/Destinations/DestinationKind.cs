namespace SignalWire.Agents.Destinations;

/// <summary>What a destination string is.</summary>
internal enum DestinationKind
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>A phone number (E.164, or a <c>tel:</c> URI).</summary>
    Number,

    /// <summary>A <c>sip:</c> or <c>sips:</c> URI.</summary>
    Sip,

    /// <summary>An http(s) URL (a SWML document to transfer to).</summary>
    Url,

    /// <summary>Inside the space: a section name or a SignalWire address such as <c>/public/support</c>.</summary>
    Internal,
}
