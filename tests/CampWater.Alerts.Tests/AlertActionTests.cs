using Xunit;

namespace CampWater.Alerts;

/// <summary>Manual actions: 404 for an unknown id, 409 for a transition the state forbids, 400 for bad input.</summary>
public sealed class AlertActionTests
{
    private static readonly DateTimeOffset s_raised = TankFeed.At("2026-11-29T10:00:00Z");
    private static readonly DateTimeOffset s_later = TankFeed.At("2026-11-29T10:20:00Z");

    [Fact]
    public void Acknowledging_keeps_the_alert_open_and_records_who_when_and_the_note_as_a_comment()
    {
        var (book, id) = OneAlert();

        var result = book.Acknowledge(id, "amina", "on my way with the plumber", s_later);

        Assert.Equal(AlertActionError.None, result.Error);
        var alert = Assert.IsType<Alert>(result.Alert);
        Assert.Equal(AlertState.Acknowledged, alert.State);
        Assert.True(alert.IsOpen);
        Assert.Equal("amina", alert.AcknowledgedBy);
        Assert.Equal(s_later, alert.AcknowledgedAt);
        Assert.Equal([new AlertComment(s_later, "amina", "on my way with the plumber")], alert.Comments);
        Assert.Equal(1, book.OpenCount("t1"));
    }

    [Fact]
    public void Acknowledging_without_a_note_adds_no_comment()
    {
        var (book, id) = OneAlert();

        Assert.Empty(book.Acknowledge(id, "amina", "  ", s_later).Alert!.Comments);
    }

    [Fact]
    public void Acknowledging_an_acknowledged_alert_is_a_conflict()
    {
        var (book, id) = OneAlert();
        book.Acknowledge(id, "amina", null, s_later);

        var result = book.Acknowledge(id, "omar", null, s_later.AddMinutes(1));

        Assert.Equal(AlertActionError.Conflict, result.Error);
        Assert.Equal("amina", result.Alert?.AcknowledgedBy);
        Assert.Contains("already acknowledged by amina", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledging_a_resolved_alert_is_a_conflict()
    {
        var (book, id) = OneAlert();
        book.Resolve(id, "amina", null, s_later);

        Assert.Equal(AlertActionError.Conflict, book.Acknowledge(id, "omar", null, s_later).Error);
    }

    [Fact]
    public void Resolving_a_resolved_alert_is_a_conflict()
    {
        var (book, id) = OneAlert();
        book.Resolve(id, "amina", null, s_later);

        var result = book.Resolve(id, "omar", null, s_later.AddMinutes(1));

        Assert.Equal(AlertActionError.Conflict, result.Error);
        Assert.Equal("amina", result.Alert?.ResolvedBy);
    }

    [Fact]
    public void Resolving_an_acknowledged_alert_by_hand_records_who_and_the_note()
    {
        var (book, id) = OneAlert();
        book.Acknowledge(id, "amina", null, s_later);

        var alert = book.Resolve(id, "omar", "valve closed", s_later.AddMinutes(5)).Alert!;

        Assert.Equal(AlertState.Resolved, alert.State);
        Assert.Equal("omar", alert.ResolvedBy);
        Assert.Equal(s_later.AddMinutes(5), alert.ResolvedAt);
        Assert.Equal("valve closed", Assert.Single(alert.Comments).Text);
        Assert.Equal(0, book.OpenCount("t1"));
    }

    [Fact]
    public void Assigning_an_open_alert_sets_the_assignee_and_notes_who_assigned_it()
    {
        var (book, id) = OneAlert();

        var alert = book.Assign(id, " Omar Haddad ", "amina", s_later).Alert!;

        Assert.Equal("Omar Haddad", alert.Assignee);
        var note = Assert.Single(alert.Comments);
        Assert.Equal(new AlertComment(s_later, "amina", "Assigned to Omar Haddad") { TextKey = AlertBook.AssignedKey, TextArgs = MessageArgs.Of([new("name", "Omar Haddad")]) }, note);
        Assert.Equal(AlertState.Active, alert.State);
    }

    [Fact]
    public void Assigning_an_acknowledged_alert_is_allowed_and_a_resolved_one_is_a_conflict()
    {
        var (book, id) = OneAlert();
        book.Acknowledge(id, "amina", null, s_later);

        Assert.Equal(AlertActionError.None, book.Assign(id, "omar", "amina", s_later).Error);
        book.Resolve(id, "omar", null, s_later);
        Assert.Equal(AlertActionError.Conflict, book.Assign(id, "sara", "amina", s_later).Error);
    }

    [Fact]
    public void Assigning_to_the_current_assignee_changes_nothing()
    {
        var (book, id) = OneAlert();
        var first = book.Assign(id, "omar", "amina", s_later).Alert;

        var again = book.Assign(id, "omar", "amina", s_later.AddMinutes(1));

        Assert.Equal(AlertActionError.None, again.Error);
        Assert.Same(first, again.Alert);
    }

    [Fact]
    public void Commenting_is_allowed_in_every_state_including_resolved()
    {
        var (book, id) = OneAlert();
        book.Comment(id, "amina", "checking", s_later);
        book.Acknowledge(id, "amina", null, s_later);
        book.Comment(id, "amina", "pipe found", s_later);
        book.Resolve(id, "amina", null, s_later);

        var result = book.Comment(id, "omar", "review: replace the float valve", s_later.AddDays(1));

        Assert.Equal(AlertActionError.None, result.Error);
        Assert.Equal(3, result.Alert!.Comments.Length);
        Assert.Equal(AlertState.Resolved, result.Alert.State);
    }

    [Fact]
    public void Every_action_on_an_unknown_id_is_not_found()
    {
        var (book, _) = OneAlert();

        Assert.Equal(AlertActionError.NotFound, book.Acknowledge("atmeh-3.t1.99", "amina", null, s_later).Error);
        Assert.Equal(AlertActionError.NotFound, book.Assign("atmeh-3.t1.99", "omar", "amina", s_later).Error);
        Assert.Equal(AlertActionError.NotFound, book.Comment("atmeh-3.t1.99", "amina", "hello", s_later).Error);
        Assert.Equal(AlertActionError.NotFound, book.Resolve("atmeh-3.t1.99", "amina", null, s_later).Error);
        Assert.Null(book.Find("atmeh-3.t1.99"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_assignee_is_an_argument_error_naming_assignee(string assignee)
    {
        var (book, id) = OneAlert();

        var error = Assert.Throws<ArgumentException>(() => book.Assign(id, assignee, "amina", s_later));

        Assert.Equal("assignee", error.ParamName);
    }

    [Fact]
    public void An_assignee_of_200_characters_is_accepted_and_of_201_is_an_argument_error()
    {
        var (book, id) = OneAlert();

        Assert.Equal(AlertActionError.None, book.Assign(id, new string('a', 200), "amina", s_later).Error);
        var error = Assert.Throws<ArgumentException>(() => book.Assign(id, new string('b', 201), "amina", s_later));
        Assert.Equal("assignee", error.ParamName);
        Assert.Contains("at most 200 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_of_2000_characters_is_accepted_and_of_2001_or_none_is_an_argument_error()
    {
        var (book, id) = OneAlert();

        Assert.Equal(AlertActionError.None, book.Comment(id, "amina", new string('x', 2000), s_later).Error);
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => book.Comment(id, "amina", new string('x', 2001), s_later)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => book.Comment(id, "amina", "", s_later)).ParamName);
    }

    [Fact]
    public void A_note_of_2001_characters_on_acknowledge_or_resolve_is_an_argument_error()
    {
        var (book, id) = OneAlert();

        Assert.Equal("note", Assert.Throws<ArgumentException>(() => book.Acknowledge(id, "amina", new string('x', 2001), s_later)).ParamName);
        Assert.Equal("note", Assert.Throws<ArgumentException>(() => book.Resolve(id, "amina", new string('x', 2001), s_later)).ParamName);
        Assert.Equal(AlertState.Active, book.Find(id)!.State);
    }

    [Fact]
    public void Invalid_input_is_refused_before_the_id_is_looked_up()
    {
        var (book, _) = OneAlert();

        Assert.Throws<ArgumentException>(() => book.Comment("atmeh-3.t1.99", "", "hello", s_later));
    }

    private static (AlertBook Book, string Id) OneAlert()
    {
        var book = new AlertBook();
        var alert = book.Apply("atmeh-3", "t1", Assert.Single(new TankFeed().Read(s_raised, levelPct: 20)))!;
        return (book, alert.Id);
    }
}
