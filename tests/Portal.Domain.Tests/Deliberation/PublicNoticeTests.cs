using Portal.Domain.Deliberation;

namespace Portal.Domain.Tests.Deliberation;

public sealed class PublicNoticeTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private const string Decision = "在 3 号楼加装电梯";

    private static PublicNotice Published(int days = PublicNotice.DefaultPeriodDays)
    {
        var notice = PublicNotice.Publish(9, Start, days, Decision).Notice!;
        notice.Id = 5;
        return notice;
    }

    private static (int, DateTime?, string) State(PublicNotice n) =>
        (n.PeriodDays, n.ClosedAtUtc, string.Join("|", n.Objections));

    [Fact]
    public void A_notice_runs_seven_days_by_default()
    {
        var notice = PublicNotice.Publish(9, Start, PublicNotice.DefaultPeriodDays, Decision).Notice!;

        Assert.Equal((9, Start, 7, Start.AddDays(7)), (notice.SessionId, notice.StartsAtUtc, notice.PeriodDays, notice.EndsAtUtc));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void A_notice_without_the_decision_text_is_refused(string text) =>
        Assert.Equal((null, PublicNotice.ErrorDecisionText), PublicNotice.Publish(9, Start, 7, text));

    [Theory]
    [InlineData(0)]
    [InlineData(PublicNotice.PeriodMaxDays + 1)]
    public void A_period_out_of_range_is_refused(int days)
    {
        Assert.Equal((null, PublicNotice.ErrorPeriod), PublicNotice.Publish(9, Start, days, Decision));
    }

    [Fact]
    public void The_period_may_be_lengthened_or_shortened_while_open_but_the_window_must_stay_open()
    {
        var notice = Published();

        Assert.Null(notice.ChangePeriod(10, Start.AddDays(1)));
        Assert.Equal(Start.AddDays(10), notice.EndsAtUtc);
        Assert.Null(notice.ChangePeriod(3, Start.AddDays(3).AddTicks(-1)));
        Assert.Equal([new NoticePeriodChanged(5, Start.AddDays(10)), new NoticePeriodChanged(5, Start.AddDays(3))], notice.TakeEvents());

        Assert.Equal(PublicNotice.ErrorPeriod, notice.ChangePeriod(2, Start.AddDays(2)));
        Assert.Equal(PublicNotice.ErrorPeriod, notice.ChangePeriod(0, Start));
        Assert.Equal(3, notice.PeriodDays);
        Assert.Empty(notice.TakeEvents());
    }

    [Fact]
    public void Objections_are_taken_from_the_start_up_to_but_not_at_the_end_of_the_window()
    {
        var notice = Published();

        Assert.Equal((1, (string?)null), notice.FileObjection("r1", " 噪音问题 ", Start));
        Assert.Equal((2, (string?)null), notice.FileObjection("r2", "费用分摊", Start.AddDays(7).AddTicks(-1)));
        var before = State(notice);
        Assert.Equal((0, PublicNotice.ErrorOutsideWindow), notice.FileObjection("r3", "太晚了", Start.AddDays(7)));
        Assert.Equal((0, PublicNotice.ErrorOutsideWindow), notice.FileObjection("r3", "太早了", Start.AddTicks(-1)));
        Assert.Equal((0, PublicNotice.ErrorText), notice.FileObjection("r3", "  ", Start.AddDays(1)));

        Assert.Equal(before, State(notice));
        Assert.Equal("噪音问题", notice.Objections[0].Text);
        Assert.Equal([new NoticeObjectionFiled(5, 1), new NoticeObjectionFiled(5, 2)], notice.TakeEvents());
    }

    [Fact]
    public void Each_objection_is_answered_once_even_after_the_window()
    {
        var notice = Published();
        notice.FileObjection("r1", "噪音问题", Start.AddDays(1));
        notice.TakeEvents();

        Assert.Null(notice.Answer(1, "施工限定在白天", "secretary", Start.AddDays(8)));
        var before = State(notice);
        Assert.Equal(PublicNotice.ErrorAlreadyAnswered, notice.Answer(1, "再答一次", "secretary", Start.AddDays(8)));
        Assert.Equal(PublicNotice.ErrorUnknownObjection, notice.Answer(2, "答复", "secretary", Start.AddDays(8)));

        Assert.Equal(before, State(notice));
        Assert.Equal(("施工限定在白天", "secretary", (DateTime?)Start.AddDays(8)),
            (notice.Objections[0].Answer, notice.Objections[0].AnsweredByUserId, notice.Objections[0].AnsweredAtUtc));
        Assert.Equal([new NoticeObjectionAnswered(5, 1, "r1")], notice.TakeEvents());
    }

    [Fact]
    public void An_empty_answer_is_refused()
    {
        var notice = Published();
        notice.FileObjection("r1", "噪音问题", Start);

        Assert.Equal(PublicNotice.ErrorText, notice.Answer(1, " ", "secretary", Start));
        Assert.False(notice.Objections[0].IsAnswered);
    }

    [Fact]
    public void The_notice_closes_only_after_the_window_and_with_every_objection_answered()
    {
        var notice = Published();
        notice.FileObjection("r1", "噪音问题", Start.AddDays(1));
        notice.TakeEvents();

        Assert.Equal(PublicNotice.ErrorWindowOpen, notice.Close(Start.AddDays(7).AddTicks(-1), "sec", "书记"));
        Assert.Equal(PublicNotice.ErrorUnanswered, notice.Close(Start.AddDays(7), "sec", "书记"));
        Assert.False(notice.IsClosed);
        Assert.Empty(notice.TakeEvents());

        notice.Answer(1, "施工限定在白天", "secretary", Start.AddDays(7));
        notice.TakeEvents();
        Assert.Null(notice.Close(Start.AddDays(7), "sec", "书记"));

        Assert.Equal(Start.AddDays(7), notice.ClosedAtUtc);
        Assert.Equal([new PublicNoticeClosed(5, 9, "sec", "书记", Start.AddDays(7))], notice.TakeEvents());
    }

    [Fact]
    public void A_closed_notice_takes_nothing_more()
    {
        var notice = Published(1);
        notice.Close(Start.AddDays(1), "sec", "书记");
        notice.TakeEvents();
        var before = State(notice);

        Assert.Equal(PublicNotice.ErrorClosed, notice.Close(Start.AddDays(2), "sec", "书记"));
        Assert.Equal(PublicNotice.ErrorClosed, notice.ChangePeriod(5, Start.AddDays(2)));
        Assert.Equal((0, PublicNotice.ErrorClosed), notice.FileObjection("r1", "异议", Start.AddDays(2)));
        Assert.Equal(PublicNotice.ErrorClosed, notice.Answer(1, "答复", "secretary", Start.AddDays(2)));

        Assert.Equal(before, State(notice));
        Assert.Empty(notice.TakeEvents());
    }
}
