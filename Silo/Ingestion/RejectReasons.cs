namespace CampWater.Silo.Ingestion;

/// <summary>The kebab-case names of <see cref="RejectReason"/>, as metric labels and in log lines.</summary>
public static class RejectReasons
{
    public static string Name(RejectReason reason) =>
        reason switch
        {
            RejectReason.MalformedJson => "malformed-json",
            RejectReason.UnknownTank => "unknown-tank",
            RejectReason.NoMeasurement => "no-measurement",
            RejectReason.SeveralMeasurements => "several-measurements",
            RejectReason.NotFinite => "not-finite",
            RejectReason.WrongType => "wrong-type",
            RejectReason.Oversize => "oversize",
            RejectReason.FutureTimestamp => "future-timestamp",
            RejectReason.MissingDevice => "missing-device",
            RejectReason.UnknownDevice => "unknown-device",
            RejectReason.NoDecodedPayload => "no-decoded-payload",
            RejectReason.BadUnit => "bad-unit",
            RejectReason.UnknownPoint => "unknown-point",
            RejectReason.OutOfRange => "out-of-range",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reject reason."),
        };
}
