using Portal.Domain.Announcements;
using Portal.Domain.Councils;
using Portal.Domain.Text;

namespace Portal.Domain.Tests.Text;

/// <summary>
/// Every rule that checks a person's text checks it as it will be stored (<see cref="UserText"/>, the rule every save
/// applies): a value of invisible characters only is empty, so it is refused as missing instead of being stored as "".
/// </summary>
public sealed class RulesCheckTextAsStoredTests
{
    /// <summary>Zero-width, control, bidi and line-break characters only: not blank to .NET, nothing once stored.</summary>
    private const string Invisible = "\u200B\0\r\n\u202E\u2060\uFEFF\u0007";

    private static readonly DateTime Now = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Optional_and_multi_line_values_are_read_as_stored()
    {
        Assert.Null(UserText.SingleLineOrNull(Invisible));
        Assert.Equal("路灯", UserText.SingleLineOrNull(" 路\u200B灯 "));
        Assert.Equal("第一行\n  第二行", UserText.MultiLineTrimmed("\u2060\r\n 第一行\r\n  第二行\u200B \r\n"));
        Assert.Null(UserText.MultiLineTrimmedOrNull(Invisible));
        Assert.Equal("原因", UserText.MultiLineTrimmedOrNull("\n原因\0\n"));
    }

    [Fact]
    public void Council_names_decisions_and_carry_over_reasons_of_invisible_characters_are_missing()
    {
        Assert.Contains(Council.ErrorNameRequired, new Council { Name = Invisible, Level = CouncilLevel.Street }.Validate());
        var day = new DateOnly(2026, 12, 1);
        Assert.Contains(Resolution.ErrorDecisionRequired, new Resolution { Decision = Invisible, OwnerUnitId = 1, DueDate = day.AddDays(30) }.Validate(day));
        Assert.Equal(AnnualReview.ErrorReasonRequired, AnnualReview.CheckCarryOver(new HashSet<int> { 5 }, new Dictionary<int, string?> { [5] = Invisible })[5]);
    }

    [Fact]
    public void Topic_titles_and_screening_and_meeting_reasons_of_invisible_characters_are_missing()
    {
        var meeting = new Meeting { Id = 7, Title = "12月例会", StartsAtUtc = Now.AddDays(30), EndsAtUtc = Now.AddDays(30).AddHours(2) };
        Assert.Equal([TopicRules.ErrorTitleRequired], TopicRules.CheckSubmission(meeting, 10, new HashSet<int> { 10 }, 3, Invisible, 15, Now, TimeZoneInfo.Utc));

        var topic = new Topic { Id = 1, MeetingId = 7, Title = "停车难" };
        Assert.Equal(TopicScreening.ReasonRequired, topic.Apply(TopicAction.Defer, Now, Invisible));
        Assert.Equal(TopicStatus.Submitted, topic.Status);
        // Accepting takes no reason: invisible characters are then no reason at all rather than an empty one.
        Assert.Null(topic.Apply(TopicAction.Accept, Now, Invisible));
        Assert.Null(topic.ScreeningReason);

        Assert.Equal(MeetingWorkflow.ReasonRequired, meeting.Apply(MeetingAction.Cancel, Now, Invisible).ErrorCode);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
    }

    [Fact]
    public void Agenda_titles_of_invisible_characters_are_refused_and_such_outcomes_and_notes_are_none()
    {
        var state = AgendaState.FromConfirmed([new ConfirmedAgendaLine(1, 101, "老旧小区加装电梯", 20)]);

        Assert.Equal(LiveAgenda.ErrorTitleRequired, LiveAgenda.Apply(state, new AddUrgentItem(0, "秘书", Invisible, 10, null), Now).ErrorCode);
        Assert.Equal(LiveAgenda.ErrorTitleRequired, LiveAgenda.Apply(state, new EditItem(0, "秘书", 1, Title: Invisible), Now).ErrorCode);
        var recorded = LiveAgenda.Apply(state, new EditItem(0, "记录员", 1, Outcome: Invisible, Notes: "\u200B记录\0"), Now);
        var item = Assert.Single(recorded.State.Items);
        Assert.Equal((null, "记录"), (item.Outcome, item.Notes));
    }

    [Fact]
    public void Announcement_titles_and_bodies_of_invisible_characters_are_missing()
    {
        Assert.Equal(
            [(AnnouncementFields.Title, AnnouncementProblem.TitleRequired), (AnnouncementFields.Body, AnnouncementProblem.BodyRequired)],
            AnnouncementRules.Check(Invisible, Invisible));
    }
}
