using CampWater.Texts;

namespace CampWater.Notifications.Decisions;

public sealed class TextCatalogueTests
{
    [Fact]
    public void Fill_puts_in_the_camp_and_tank_and_leaves_an_unknown_argument_as_written()
    {
        var text = TextCatalogue.Fill("{camp} / {tank}: {nothing}", new Dictionary<string, string> { ["camp"] = "Atmeh 3", ["tank"] = "t1" });

        Assert.Equal("Atmeh 3 / t1: {nothing}", text);
    }

    [Fact]
    public void A_key_missing_in_french_falls_back_to_english_and_an_unknown_key_shows_itself()
    {
        var catalogue = TextCatalogue.Parse(new Dictionary<string, string>
        {
            ["en"] = """{ "a": "tank {n}", "b": "camp" }""",
            ["fr"] = """{ "a": "réservoir {n}" }""",
        });

        Assert.Equal("réservoir 3", catalogue.Format("fr", "a", new Dictionary<string, string> { ["n"] = "3" }));
        Assert.Equal("camp", catalogue.Format("fr", "b"));
        Assert.Equal("camp", catalogue.Format("ar", "b"));
        Assert.Equal("missing.key", catalogue.Format("en", "missing.key"));
    }

    [Fact]
    public void The_embedded_english_catalogue_has_a_severity_kind_event_state_and_unit_text_for_every_value()
    {
        var catalogue = TextCatalogue.Embedded;
        var keys = NotifyNames.All<AlertSeverity>().Select(s => "severity." + s)
            .Concat(NotifyNames.All<AlertKind>().Select(k => "kind." + k))
            .Concat(NotifyNames.All<AlertKind>().Select(k => "unit." + k))
            .Concat(NotifyNames.All<NotifyEvent>().Select(e => "event." + e))
            .Concat(NotifyNames.All<NotifyEvent>().Select(e => "notify.email." + e))
            .Concat(["state.active", "state.acknowledged", "state.resolved", "notify.sms.raised", "notify.sms.escalated", "notify.email.subject"]);

        Assert.DoesNotContain(keys, k => !catalogue.Has("en", k));
    }

    [Fact]
    public void The_english_file_served_to_the_browser_is_the_one_the_server_reads()
    {
        var served = File.ReadAllText(Path.Combine(RepoPaths.Root, "Dashboard", "wwwroot", "i18n", "en.json"));
        var fromFile = TextCatalogue.Parse(new Dictionary<string, string> { ["en"] = served });

        Assert.Equal(fromFile.Keys("en").Order(StringComparer.Ordinal), TextCatalogue.Embedded.Keys("en").Order(StringComparer.Ordinal));
        Assert.All(fromFile.Keys("en"), k => Assert.Equal(fromFile.Template("en", k), TextCatalogue.Embedded.Template("en", k)));
    }

    [Fact]
    public void Every_language_file_uses_only_the_arguments_its_english_text_has()
    {
        var catalogue = TextCatalogue.Embedded;
        foreach (var language in catalogue.Languages.Where(l => l != TextCatalogue.Fallback))
        {
            foreach (var key in catalogue.Keys(language))
            {
                // A plural form English does not have (Arabic's "two", "few", "many") is checked against English "other".
                var englishKey = catalogue.Has("en", key) ? key : System.Text.RegularExpressions.Regex.Replace(key, @"\.(zero|two|few|many)$", ".other");
                var english = TextCatalogue.ArgumentsOf(catalogue.Template("en", englishKey));
                Assert.Subset(english.ToHashSet(), TextCatalogue.ArgumentsOf(catalogue.Template(language, key)).ToHashSet());
            }
        }
    }
}
