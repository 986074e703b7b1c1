using System.Text.Json;
using CampWater.Registry;
using CampWater.Services;

namespace CampWater.Trucking;

/// <summary>
/// <c>POST /api/camps/{campId}/vouchers</c>: <c>{ tankId, deliveredAt, litres, contractor, truck, voucherNo,
/// frcMgL? }</c>. Every problem names its field. Whether the tank exists is for the camp to say.
/// </summary>
public static class VoucherBody
{
    /// <summary>The largest water truck carries about 30 m³; a voucher for more is a typing error.</summary>
    public const double MaxLitres = 60_000;

    public const int MaxNameLength = 100;

    public static Validated<VoucherEntry> Read(JsonElement body, string by, DateTimeOffset now)
    {
        var log = new ProblemLog();
        var fields = new JsonFields(body, ProblemScope.Root, log);
        if (body.ValueKind != JsonValueKind.Object)
        {
            log.Add(ProblemScope.Root.Problem(null, "must be a JSON object"));
            return log.Result<VoucherEntry>(null);
        }

        string? tankId = null;
        if (fields.RequiredString("tankId", out var tank) && fields.Check("tankId", RegistryId.IsValid(tank), RegistryId.Rule))
        {
            tankId = tank;
        }

        var deliveredAt = now;
        if (fields.RequiredString("deliveredAt", out var atText)
            && fields.Check("deliveredAt", ServiceBodies.TryParseInstant(atText, out deliveredAt), "must be an ISO-8601 time with an offset, such as 2026-11-29T10:15:00Z"))
        {
            fields.Check("deliveredAt", deliveredAt - now <= ServiceBodies.MaxFutureSkew, "must not be more than 5 minutes in the future");
        }

        if (fields.RequiredNumber("litres", out var litres))
        {
            fields.Check("litres", litres > 0 && litres <= MaxLitres,
                FormattableString.Invariant($"must be more than 0 and at most {MaxLitres:0} (litres, not cubic metres)"));
        }

        var contractor = Name(fields, "contractor");
        var truck = Name(fields, "truck");
        var voucherNo = Name(fields, "voucherNo");
        double? frc = null;
        if (fields.Has(QualityRanges.FrcField) && fields.RequiredNumber(QualityRanges.FrcField, out var f)
            && fields.Check(QualityRanges.FrcField, QualityRanges.Problem(QualityRanges.FrcField, f) is null, QualityRanges.Problem(QualityRanges.FrcField, f) ?? ""))
        {
            frc = f;
        }

        return log.Result(new VoucherEntry(tankId ?? "", deliveredAt.ToUniversalTime(), litres, contractor, truck, voucherNo, frc, by));
    }

    private static string Name(JsonFields fields, string name)
    {
        if (!fields.RequiredString(name, out var text))
        {
            return "";
        }

        text = text.Trim();
        fields.Check(name, text.Length > 0 && text.Length <= MaxNameLength,
            FormattableString.Invariant($"must be 1 to {MaxNameLength} characters"));
        return text;
    }
}
