using CampWater.Alerts;
using CampWater.Notifications;
using CampWater.Texts;
using Xunit;

namespace CampWater.Texts;

/// <summary>Alert messages worded in Arabic and French from the parts the rules give them.</summary>
public sealed class AlertWordingTests
{
    private static readonly TextCatalogue Texts = TextCatalogue.Embedded;
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_alert_kind_has_its_message_keys_in_Arabic_and_French()
    {
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            var prefix = $"alert.msg.{NotifyNames.Of(kind)}";
            var keys = Texts.Keys("en").Where(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToArray();
            Assert.True(keys.Length > 0, $"no English message key for {kind}");
            foreach (var key in keys)
            {
                Assert.True(Texts.Has("ar", key), $"ar lacks {key}");
                Assert.True(Texts.Has("fr", key), $"fr lacks {key}");
            }
        }
    }

    [Fact]
    public void Ninety_five_silent_minutes_read_1_6_hours_in_Arabic_and_French_against_a_30_minute_limit()
    {
        var alert = AlertOf(TankAlertRules.Offline(At, At.AddMinutes(-95), 30));

        Assert.Equal("alert.msg.sensor-offline", alert.MessageKey);
        Assert.Equal("لا قراءة منذ 1.6 ساعة (الحد 30 دقيقة)", Texts.Message(alert, "ar"));
        Assert.Equal("Aucune mesure depuis 1.6 h (seuil 30 min)", Texts.Message(alert, "fr"));
        Assert.Equal(alert.Message, Texts.Message(alert, "en"));
    }

    [Fact]
    public void A_distance_of_120_mm_inside_a_250_mm_blind_zone_keeps_both_figures_in_Arabic()
    {
        var alert = AlertOf(TankAlertRules.FaultRaised(At, "distance 120 mm is inside the blind zone of 250 mm"));

        Assert.Equal("alert.msg.sensor-fault.blind-zone", alert.MessageKey);
        Assert.Equal("قراءة مستحيلة: المسافة 120 مم داخل المنطقة العمياء البالغة 250 مم", Texts.Message(alert, "ar"));
    }

    [Fact]
    public void An_alert_stored_without_a_key_keeps_its_English_message_in_every_language()
    {
        var alert = AlertOf(new AlertSignal(AlertKind.LowLevel, true, AlertSeverity.Warning, 20, 25, "Level 20 % is below 25 %", At));

        Assert.Null(alert.MessageKey);
        Assert.Equal("Level 20 % is below 25 %", Texts.Message(alert, "ar"));
    }

    [Fact]
    public void The_note_of_an_assignment_to_Omar_Haddad_reads_in_Arabic_and_French_and_a_typed_comment_stays_as_typed()
    {
        var book = new AlertBook();
        var raised = book.Apply("c", "t", new AlertSignal(AlertKind.LowLevel, true, AlertSeverity.Warning, 20, 25, "Level 20 % is below 25 %", At))!;
        book.Assign(raised.Id, "Omar Haddad", "amina", At);
        var alert = book.Comment(raised.Id, "amina", "Pump primed at 09:10", At).Alert!;

        var (note, typed) = (alert.Comments[0], alert.Comments[1]);
        Assert.Equal("Assigned to Omar Haddad", Texts.Text(note, "en"));
        Assert.Equal("أُسند إلى Omar Haddad", Texts.Text(note, "ar"));
        Assert.Equal("Attribuée à Omar Haddad", Texts.Text(note, "fr"));
        Assert.Equal("Pump primed at 09:10", Texts.Text(typed, "ar"));
    }

    [Fact]
    public void Every_field_reason_known_by_its_shape_has_its_key_in_English_Arabic_and_French_with_the_figures_it_names()
    {
        foreach (var key in FieldReasons.Keys)
        {
            foreach (var language in new[] { "en", "ar", "fr" })
            {
                Assert.True(Texts.Has(language, key), $"{language} lacks {key}");
            }
        }

        Assert.Equal("يجب ألا يزيد عن عدد حنفيات النقطة (6)", Texts.Reason("must not be more than the point's 6 taps", "ar"));
        Assert.Equal("doit être entre 0 et 4000 NTU", Texts.Reason("must be between 0 and 4000 NTU", "fr"));
        Assert.Equal("must be between 0 and 4000 NTU", Texts.Reason("must be between 0 and 4000 NTU", "en"));
        Assert.Equal("doit être inférieur à lowPct (5)", Texts.Reason("must be less than lowPct (5)", "fr"));
        Assert.Equal("must sing", Texts.Reason("must sing", "ar"));
    }

    [Theory]
    [InlineData("ar-SY,ar;q=0.9,en;q=0.5", "ar")]
    [InlineData("fr-TD", "fr")]
    [InlineData("de-DE,fr;q=0.4", "fr")]
    [InlineData("de-DE", "en")]
    public void The_first_catalogue_language_of_an_Accept_Language_list_is_chosen(string header, string expected) =>
        Assert.Equal(expected, Texts.Pick(header.Split(',').Select(t => t.Split(';')[0])));

    private static Alert AlertOf(AlertSignal signal) =>
        new("c.t.1", "c", "t", signal.Kind, signal.Severity, AlertState.Active, signal.Message, signal.Value, signal.Threshold, signal.At,
            null, null, null, null, null, 0, [])
        { MessageKey = signal.MessageKey, MessageArgs = signal.MessageArgs };
}
