using CampWater.Silo.Hosting;
using CampWater.Silo.Notifications;
using Microsoft.Extensions.Configuration;

namespace CampWater.Notifications.Configuration;

/// <summary>Bad notification settings stop the start with a message that names the key.</summary>
public sealed class NotifyOptionsValidationTests
{
    private static readonly Dictionary<string, string?> s_valid = new()
    {
        ["CampWater:Notify:PublicUrl"] = "https://campwater.example.org",
        ["CampWater:Notify:People:0:Name"] = "amina",
        ["CampWater:Notify:People:0:Email"] = "amina@example.org",
        ["CampWater:Notify:People:0:Phone"] = "+963944123456",
        ["CampWater:Notify:People:1:Name"] = "omar",
        ["CampWater:Notify:People:1:Email"] = "omar@example.org",
        ["CampWater:Notify:People:1:Language"] = "ar",
        ["CampWater:Notify:Channels:0:Name"] = "email",
        ["CampWater:Notify:Channels:0:Kind"] = "email",
        ["CampWater:Notify:Channels:0:Smtp:Host"] = "smtp.example.org",
        ["CampWater:Notify:Channels:0:Smtp:From"] = "CampWater <alerts@example.org>",
        ["CampWater:Notify:Channels:1:Name"] = "sms",
        ["CampWater:Notify:Channels:1:Kind"] = "sms",
        ["CampWater:Notify:Channels:1:Url"] = "http://192.168.1.20:8080/message",
        ["CampWater:Notify:Channels:1:Username"] = "sms",
        ["CampWater:Notify:Channels:1:Password"] = "gateway-password",
        ["CampWater:Notify:Channels:2:Name"] = "ops",
        ["CampWater:Notify:Channels:2:Kind"] = "webhook",
        ["CampWater:Notify:Channels:2:Url"] = "https://ops.example.org/hooks/campwater",
        ["CampWater:Notify:Channels:2:Secret"] = "0123456789abcdef0123",
        ["CampWater:Notify:Rules:0:Camps:0"] = "atmeh-3",
        ["CampWater:Notify:Rules:0:Notify:0"] = "amina",
        ["CampWater:Notify:Rules:0:Notify:1"] = "ops",
        ["CampWater:Notify:Rules:1:Kinds:0"] = "low-level",
        ["CampWater:Notify:Rules:1:MinSeverity"] = "critical",
        ["CampWater:Notify:Rules:1:Notify:0"] = "email:omar",
        ["CampWater:Notify:Rules:1:AfterMinutes"] = "30",
        ["CampWater:Notify:Rules:1:QuietHours"] = "22:00-06:00",
    };

    private static NotifyOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection("CampWater:Notify").Get<NotifyOptions>() ?? new NotifyOptions();

    private static IReadOnlyList<string> Problems(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(s_valid);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return NotifyOptionsValidation.Problems(Bind(settings));
    }

    [Fact]
    public void The_valid_settings_make_a_plan_where_amina_is_reached_on_2_channels_and_omar_on_1_after_30_minutes()
    {
        Assert.Empty(Problems());

        var plan = NotifyOptionsValidation.ToPlan(Bind(s_valid));

        Assert.Equal(["email:amina", "sms:amina", "ops"], plan.Rules[0].Recipients.Select(r => r.Key));
        Assert.Equal(["atmeh-3"], plan.Rules[0].Camps);
        Assert.Equal(["*"], plan.Rules[0].Kinds);
        Assert.Equal(AlertSeverity.Warning, plan.Rules[0].MinSeverity);
        Assert.Equal(["email:omar"], plan.Rules[1].Recipients.Select(r => r.Key));
        Assert.Equal(30, plan.Rules[1].AfterMinutes);
        Assert.Equal(AlertSeverity.Critical, plan.Rules[1].MinSeverity);
        Assert.Equal("22:00-06:00", plan.Rules[1].QuietHours);
        Assert.Equal("ar", plan.LanguageOf(plan.Rules[1].Recipients[0]));
    }

    [Fact]
    public void An_unknown_person_in_a_rule_names_CampWater_Notify_Rules_0_Notify_0()
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Rules:0:Notify:0", "fatima")));

        Assert.StartsWith("CampWater:Notify:Rules:0:Notify:0 names 'fatima', who is not in CampWater:Notify:People (amina, omar)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0944123456")]
    [InlineData("+963 944 123 456")]
    [InlineData("+0963944123456")]
    [InlineData("+9639441234567890")]
    public void A_phone_not_in_E164_names_CampWater_Notify_People_0_Phone(string phone)
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:People:0:Phone", phone)));

        Assert.StartsWith($"CampWater:Notify:People:0:Phone is '{phone}': give it in E.164", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_channel_without_an_SMTP_host_names_CampWater_Notify_Channels_0_Smtp_Host()
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Channels:0:Smtp:Host", null)));

        Assert.StartsWith("CampWater:Notify:Channels:0:Smtp:Host is required", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_channel_in_channel_person_names_the_rule_entry_and_the_channels_there_are()
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Rules:1:Notify:0", "whatsapp:omar")));

        Assert.Equal("CampWater:Notify:Rules:1:Notify:0 names the channel 'whatsapp', which is not in CampWater:Notify:Channels (email, sms, ops).", problem);
    }

    [Fact]
    public void Sms_to_omar_who_has_no_phone_names_the_rule_entry()
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Rules:1:Notify:0", "sms:omar")));

        Assert.Equal("CampWater:Notify:Rules:1:Notify:0 sends sms to 'omar', who has no Phone.", problem);
    }

    [Fact]
    public void An_unknown_channel_kind_names_CampWater_Notify_Channels_1_Kind()
    {
        var problems = Problems(("CampWater:Notify:Channels:1:Kind", "telegram"));

        Assert.Contains("CampWater:Notify:Channels:1:Kind is 'telegram': use email, sms, webhook.", problems);
    }

    [Theory]
    [InlineData("25:00-06:00")]
    [InlineData("22:00-22:00")]
    [InlineData("10pm-6am")]
    public void Bad_quiet_hours_name_CampWater_Notify_Rules_1_QuietHours(string quietHours)
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Rules:1:QuietHours", quietHours)));

        Assert.StartsWith($"CampWater:Notify:Rules:1:QuietHours is '{quietHours}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_secret_of_8_characters_names_CampWater_Notify_Channels_2_Secret()
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Channels:2:Secret", "12345678")));

        Assert.StartsWith("CampWater:Notify:Channels:2:Secret must be at least 16 characters", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_names_CampWater_Notify_Rules_1_Kinds_0()
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Rules:1:Kinds:0", "low-water")));

        Assert.StartsWith("CampWater:Notify:Rules:1:Kinds has 'low-water': use '*' or alert kinds (low-level, overflow", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_min_severity_of_urgent_and_after_minutes_of_minus_5_are_each_named()
    {
        var problems = Problems(("CampWater:Notify:Rules:1:MinSeverity", "urgent"), ("CampWater:Notify:Rules:1:AfterMinutes", "-5"));

        Assert.Equal(
            ["CampWater:Notify:Rules:1:MinSeverity is 'urgent': use info, warning or critical.",
             "CampWater:Notify:Rules:1:AfterMinutes is -5: use 0 (at once) to 10080 (a week)."],
            problems);
    }

    [Fact]
    public void A_sms_channel_named_alone_in_a_rule_asks_for_a_person_on_it()
    {
        var problem = Assert.Single(Problems(("CampWater:Notify:Rules:0:Notify:1", "sms")));

        Assert.Equal("CampWater:Notify:Rules:0:Notify:1 names the sms channel 'sms' alone; name a person on it, such as 'sms:amina'.", problem);
    }

    [Fact]
    public void Two_people_named_amina_are_refused_naming_CampWater_Notify_People_1_Name()
    {
        var problems = Problems(("CampWater:Notify:People:1:Name", "amina"));

        Assert.Contains("CampWater:Notify:People:1:Name 'amina' is given twice; names must be unique.", problems);
    }

    [Fact]
    public void The_host_does_not_start_with_a_bad_phone_and_says_which_key()
    {
        var e = Assert.Throws<StartupException>(() => CampWaterHost.Build(
        [
            "--CampWater:Notify:People:0:Name=amina",
            "--CampWater:Notify:People:0:Phone=0944123456",
        ]));

        Assert.Contains("CampWater:Notify:People:0:Phone is '0944123456'", e.Message, StringComparison.Ordinal);
    }
}
