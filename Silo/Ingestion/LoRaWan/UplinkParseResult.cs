namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// An uplink read, or the reason it was refused with a short detail for one log line. <see cref="DevEui"/> is the
/// device when the envelope named one, so that a rejection can be logged per device.
/// </summary>
public readonly record struct UplinkParseResult(LoRaWanUplink? Uplink, RejectReason? Reason, string? Detail, string? DevEui)
{
    public bool IsAccepted => Uplink is not null;

    public static UplinkParseResult Accepted(LoRaWanUplink uplink) => new(uplink, null, null, uplink.DevEui);

    public static UplinkParseResult Rejected(RejectReason reason, string detail, string? devEui = null) => new(null, reason, detail, devEui);
}
