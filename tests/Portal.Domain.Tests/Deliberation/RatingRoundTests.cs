using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Domain.Tests.Deliberation;

public sealed class RatingRoundTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Secretary = new("sec", "王书记", new HashSet<PortalRole> { PortalRole.CommunitySecretary });

    private static readonly ProcedureTemplate Template = ProcedureTemplate.Create("两步", ScopeKind.Community, 3,
    [
        ProcedureStep.Of("办事", PortalRole.CommunitySecretary, null, ImplementationRecord),
        ProcedureStep.Of("群众评事", PortalRole.CommunitySecretary, 30, Ratings),
    ]).Template!;

    private static DeliberationSession Session(bool atRatingStep = true)
    {
        var matter = MatterTests.Raised(id: 11, communityId: 3);
        matter.Accept("sec", Start);
        var session = DeliberationSession.Start(matter, Template, 2, Start).Session!;
        session.Id = 8;
        if (atRatingStep) Assert.Null(session.CompleteStep(0, Secretary, [new EvidenceRef(ImplementationRecord, 1)], Start));
        return session;
    }

    private static RatingRound Opened(int days = RatingRound.DefaultPeriodDays)
    {
        var round = RatingRound.Open(Session(), "sec", Start, days).Round!;
        round.Id = 4;
        return round;
    }

    [Fact]
    public void A_round_opens_on_the_current_step_that_needs_ratings_for_seven_days_by_default()
    {
        var round = Opened();

        Assert.Equal((8, 1, Start, "sec", 7, Start.AddDays(7), false, (RatingTally?)null),
            (round.SessionId, round.StepIndex, round.OpenedAtUtc, round.OpenedByUserId, round.PeriodDays, round.EndsAtUtc, round.IsClosed, round.Final));
    }

    [Fact]
    public void A_round_is_refused_before_the_rating_step_and_after_the_session_finished()
    {
        Assert.Equal((null, RatingRound.ErrorStep), RatingRound.Open(Session(atRatingStep: false), "sec", Start, 7));

        var finished = Session();
        Assert.Null(finished.CompleteStep(1, Secretary, [new EvidenceRef(Ratings, 4)], Start));
        Assert.Equal((null, RatingRound.ErrorStep), RatingRound.Open(finished, "sec", Start, 7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(RatingRound.PeriodMaxDays + 1)]
    public void A_period_out_of_range_is_refused(int days) =>
        Assert.Equal((null, RatingRound.ErrorPeriod), RatingRound.Open(Session(), "sec", Start, days));

    [Fact]
    public void A_rating_is_taken_from_the_opening_up_to_but_not_at_the_end_of_the_window()
    {
        var round = Opened(days: 2);

        Assert.Equal(RatingRound.ErrorOutsideWindow, round.Rate(1, "u1", RatingLevel.Satisfied, null, Start.AddTicks(-1)).Error);
        var (first, error) = round.Rate(1, "u1", RatingLevel.Satisfied, null, Start);
        Assert.Null(error);
        Assert.Equal((4, 1, "u1", RatingLevel.Satisfied, (string?)null, Start), (first!.RoundId, first.PersonId, first.RatedByUserId, first.Level, first.Comment, first.RatedAtUtc));
        Assert.Null(round.Rate(2, "u2", RatingLevel.Dissatisfied, null, Start.AddDays(2).AddTicks(-1)).Error);
        Assert.Equal(RatingRound.ErrorOutsideWindow, round.Rate(3, "u3", RatingLevel.Satisfied, null, Start.AddDays(2)).Error);
    }

    [Fact]
    public void A_rating_is_changed_while_the_window_is_open_and_never_after()
    {
        var round = Opened(days: 2);
        var rating = round.Rate(1, "u1", RatingLevel.Dissatisfied, "电梯噪音大", Start).Rating!;
        rating.TakeEvents();

        Assert.Null(round.Change(rating, RatingLevel.BasicallySatisfied, "  已调整\r\n", Start.AddDays(1)));
        Assert.Equal((RatingLevel.BasicallySatisfied, "已调整", (DateTime?)Start.AddDays(1)), (rating.Level, rating.Comment, rating.ChangedAtUtc));
        Assert.Equal([new SessionRated(8, 4)], rating.TakeEvents());

        Assert.Equal(RatingRound.ErrorOutsideWindow, round.Change(rating, RatingLevel.Satisfied, null, Start.AddDays(2)));
        Assert.Equal(RatingLevel.BasicallySatisfied, rating.Level);
    }

    [Fact]
    public void A_rating_of_another_round_is_not_changed_through_this_one()
    {
        var round = Opened();
        var other = RatingRound.Open(Session(), "sec", Start, 7).Round!;
        other.Id = 5;
        var rating = other.Rate(1, "u1", RatingLevel.Satisfied, null, Start).Rating!;

        Assert.Equal(RatingRound.ErrorNotThisRound, round.Change(rating, RatingLevel.Dissatisfied, null, Start));
        Assert.Equal(RatingLevel.Satisfied, rating.Level);
    }

    [Fact]
    public void An_undefined_level_and_an_overlong_comment_are_refused_and_control_characters_are_removed()
    {
        var round = Opened();

        Assert.Equal(RatingRound.ErrorLevel, round.Rate(1, "u1", (RatingLevel)9, null, Start).Error);
        Assert.Equal(RatingRound.ErrorComment, round.Rate(1, "u1", RatingLevel.Satisfied, new string('好', RatingRound.CommentMaxLength + 1), Start).Error);
        Assert.Null(round.Rate(1, "u1", RatingLevel.Satisfied, new string('好', RatingRound.CommentMaxLength), Start).Error);
        Assert.Equal("好评", round.Rate(1, "u1", RatingLevel.Satisfied, "好\u0000评\u200B", Start).Rating!.Comment);
        Assert.Null(round.Rate(1, "u1", RatingLevel.Satisfied, "  \n ", Start).Rating!.Comment);
    }

    [Fact]
    public void Closing_is_refused_while_the_window_is_open_then_freezes_the_counts_once()
    {
        var round = Opened(days: 3);
        var tally = new RatingTally(5, 2, 1);

        Assert.Equal(RatingRound.ErrorWindowOpen, round.Close(tally, "sec", Start.AddDays(3).AddTicks(-1)));
        Assert.False(round.IsClosed);
        Assert.Null(round.Close(tally, "sec", Start.AddDays(3)));
        Assert.Equal((tally, (DateTime?)Start.AddDays(3), "sec"), (round.Final, round.ClosedAtUtc, round.ClosedByUserId));
        Assert.Equal([new RatingRoundClosed(4, 8, tally)], round.TakeEvents());

        Assert.Equal(RatingRound.ErrorClosed, round.Close(new RatingTally(9, 9, 9), "sec", Start.AddDays(4)));
        Assert.Equal(tally, round.Final);
        Assert.Equal(RatingRound.ErrorClosed, round.Rate(1, "u1", RatingLevel.Satisfied, null, Start.AddDays(1)).Error);
    }

    [Theory]
    [InlineData(0, 0, 0, null)]
    [InlineData(1, 0, 0, "100.0")]
    [InlineData(0, 0, 3, "0.0")]
    [InlineData(1, 1, 1, "66.7")]   // 2/3 = 66.666…: rounds up
    [InlineData(0, 1, 2, "33.3")]   // 1/3 = 33.333…: rounds down
    [InlineData(1, 0, 7, "12.5")]   // exactly 12.5
    [InlineData(1, 0, 15, "6.3")]   // 1/16 = 6.25: half rounds up
    [InlineData(3, 0, 13, "18.8")]  // 3/16 = 18.75: half rounds up
    [InlineData(1999, 0, 1, "100.0")] // 99.95: half rounds up to 100.0
    [InlineData(1998, 0, 2, "99.9")]
    public void The_satisfaction_rate_counts_satisfied_and_basically_satisfied_in_tenths_of_a_percent_half_up(int satisfied, int basically, int dissatisfied, string? percent)
    {
        var tally = new RatingTally(satisfied, basically, dissatisfied);

        Assert.Equal(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), tally.SatisfactionPercent);
    }

    [Fact]
    public void A_tally_counts_each_level_and_gives_each_share()
    {
        var tally = RatingTally.Of([RatingLevel.Satisfied, RatingLevel.Dissatisfied, RatingLevel.Satisfied, RatingLevel.BasicallySatisfied]);

        Assert.Equal((2, 1, 1, 4, 3), (tally.Satisfied, tally.BasicallySatisfied, tally.Dissatisfied, tally.Total, tally.Content));
        Assert.Equal((50.0m, 25.0m, 25.0m, 75.0m), (tally.ShareOf(RatingLevel.Satisfied), tally.ShareOf(RatingLevel.BasicallySatisfied),
            tally.ShareOf(RatingLevel.Dissatisfied), tally.SatisfactionPercent));
    }

    [Fact]
    public void Residents_rate_inside_the_matter_scope_only()
    {
        var place = new ResidencePlace(CommunityId: 3, GridId: 7, BuildingId: 40, PropertyAreaId: 2);

        Assert.True(RatingScope.Covers(new MatterScope(MatterScopeKind.Community, 3), place));
        Assert.True(RatingScope.Covers(new MatterScope(MatterScopeKind.Grid, 7), place));
        Assert.True(RatingScope.Covers(new MatterScope(MatterScopeKind.Building, 40), place));
        Assert.True(RatingScope.Covers(new MatterScope(MatterScopeKind.PropertyArea, 2), place));
        Assert.False(RatingScope.Covers(new MatterScope(MatterScopeKind.Building, 41), place));
        Assert.False(RatingScope.Covers(new MatterScope(MatterScopeKind.Community, 4), place));
        Assert.False(RatingScope.Covers(new MatterScope(MatterScopeKind.Building, 40), new ResidencePlace(3, 7, null, null)));
    }
}
