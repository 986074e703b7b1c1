namespace CampWater.Notifications.Decisions;

/// <summary>One SMS holds 160 GSM-7 septets (extension characters take 2) or 70 UCS-2 units.</summary>
public sealed class SmsLengthTests
{
    [Fact]
    public void A_gsm7_text_of_160_characters_fits_one_sms_and_161_do_not()
    {
        Assert.True(SmsLength.FitsOne(new string('a', 160)));
        Assert.False(SmsLength.FitsOne(new string('a', 161)));
        Assert.Equal(160, SmsLength.LimitFor("plain text"));
    }

    [Fact]
    public void The_euro_sign_takes_2_septets_so_80_fit_one_sms_and_81_do_not()
    {
        Assert.Equal(160, SmsLength.Units(new string('€', 80)));
        Assert.True(SmsLength.FitsOne(new string('€', 80)));
        Assert.False(SmsLength.FitsOne(new string('€', 81)));
    }

    [Fact]
    public void Brackets_braces_tilde_caret_pipe_and_backslash_take_2_septets_each_14_for_7()
    {
        Assert.Equal(14, SmsLength.Units("[]{}~^|"));
        Assert.Equal(2, SmsLength.Units("\\"));
    }

    [Fact]
    public void Arabic_text_needs_ucs2_so_70_characters_fit_one_sms_and_71_do_not()
    {
        var arabic = "انخفاض مستوى الخزان";
        Assert.False(SmsLength.IsGsm7(arabic));
        Assert.Equal(70, SmsLength.LimitFor(arabic));
        Assert.True(SmsLength.FitsOne(new string('م', 70)));
        Assert.False(SmsLength.FitsOne(new string('م', 71)));
    }

    [Fact]
    public void French_e_acute_and_a_grave_are_gsm7_but_c_cedilla_and_e_circumflex_need_ucs2()
    {
        Assert.True(SmsLength.IsGsm7("Réservoir à vérifier"));
        Assert.False(SmsLength.IsGsm7("ça"));
        Assert.False(SmsLength.IsGsm7("fenêtre"));
        Assert.True(SmsLength.IsGsm7("Ç"));
    }

    [Fact]
    public void The_em_dash_and_curly_quotes_are_not_gsm7()
    {
        Assert.False(SmsLength.IsGsm7("a — b"));
        Assert.False(SmsLength.IsGsm7("“a”"));
    }

    [Fact]
    public void A_200_character_gsm7_text_is_cut_to_160_ending_in_2_dots()
    {
        var cut = SmsLength.Truncate(new string('x', 200));

        Assert.Equal(160, cut.Length);
        Assert.EndsWith("xx..", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_100_character_arabic_text_is_cut_to_70_units()
    {
        var cut = SmsLength.Truncate(new string('م', 100));

        Assert.Equal(70, SmsLength.Units(cut));
        Assert.True(SmsLength.FitsOne(cut));
    }

    [Fact]
    public void A_cut_of_66_arabic_letters_and_3_emoji_keeps_1_whole_emoji_in_70_units()
    {
        var text = new string('م', 66) + "💧💧💧";

        var cut = SmsLength.Truncate(text);

        Assert.Equal(new string('م', 66) + "💧..", cut);
        Assert.Equal(70, SmsLength.Units(cut));
    }
}
