using CampWater.Silo.Ingestion;

namespace CampWater.Ingestion.Tests;

public sealed class RejectReasonsTests
{
    [Theory]
    [InlineData(RejectReason.MalformedJson, "malformed-json")]
    [InlineData(RejectReason.UnknownTank, "unknown-tank")]
    [InlineData(RejectReason.NoMeasurement, "no-measurement")]
    [InlineData(RejectReason.SeveralMeasurements, "several-measurements")]
    [InlineData(RejectReason.NotFinite, "not-finite")]
    [InlineData(RejectReason.WrongType, "wrong-type")]
    [InlineData(RejectReason.Oversize, "oversize")]
    [InlineData(RejectReason.FutureTimestamp, "future-timestamp")]
    [InlineData(RejectReason.MissingDevice, "missing-device")]
    [InlineData(RejectReason.UnknownDevice, "unknown-device")]
    [InlineData(RejectReason.NoDecodedPayload, "no-decoded-payload")]
    [InlineData(RejectReason.BadUnit, "bad-unit")]
    [InlineData(RejectReason.UnknownPoint, "unknown-point")]
    [InlineData(RejectReason.OutOfRange, "out-of-range")]
    public void Each_reason_has_its_kebab_case_metric_label(RejectReason reason, string label)
    {
        Assert.Equal(label, RejectReasons.Name(reason));
    }

    [Fact]
    public void All_14_reasons_have_distinct_labels()
    {
        var labels = Enum.GetValues<RejectReason>().Select(RejectReasons.Name).ToArray();

        Assert.Equal(14, labels.Length);
        Assert.Equal(14, labels.Distinct().Count());
    }
}
