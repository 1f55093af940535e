using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class AnnualReviewTests
{
    [Fact]
    public void Each_unit_is_scored_by_attendance_capped_activities_per_quarter_and_capped_adopted_topics()
    {
        var units = new[]
        {
            // 10 of 12 meetings → 40 × 10/12 = 33.3; activities 1, 3 (capped at 10), 0, 2 → 5 + 10 + 0 + 10 = 25; 5 topics → capped 20.
            new UnitYearRecord(10, 12, 10, [1, 3, 0, 2], 5),
            // 12 of 12 → 40; 2 activities in each quarter → 40; 1 topic → 5.
            new UnitYearRecord(20, 12, 12, [2, 2, 2, 2], 1),
            // 6 of 12 → 20; nothing else.
            new UnitYearRecord(30, 12, 6, [0, 0, 0, 0], 0),
        };

        var scores = AnnualReview.Score(units, ScoringRules.Default);

        Assert.Equal(
        [
            new UnitScore(20, 40, 40, 5, 85, 1),
            new UnitScore(10, 33.3m, 25, 20, 78.3m, 2),
            new UnitScore(30, 20, 0, 0, 20, 3),
        ], scores);
        Assert.Equal(100, ScoringRules.Default.MaxTotal);
    }

    [Fact]
    public void An_edited_rule_set_scores_by_its_own_points_and_caps()
    {
        var rules = ScoringRules.Default with { AttendanceMaxPoints = 50, PointsPerActivity = 2, ActivityCapPerQuarter = 4, PointsPerAdoptedTopic = 10, AdoptedTopicCap = 30 };

        var score = AnnualReview.Score([new UnitYearRecord(10, 4, 3, [5, 1, 0, 2], 2)], rules).Single();

        Assert.Equal(37.5m, score.AttendancePoints);
        Assert.Equal(4 + 2 + 0 + 4, score.ActivityPoints);
        Assert.Equal(20, score.TopicPoints);
        Assert.Equal(67.5m, score.Total);
        Assert.Empty(rules.Validate());
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_is_skipped()
    {
        var scores = AnnualReview.Score(
        [
            new UnitYearRecord(30, 10, 10, [0, 0, 0, 0], 0),
            new UnitYearRecord(10, 10, 10, [0, 0, 0, 0], 0),
            new UnitYearRecord(20, 10, 5, [0, 0, 0, 0], 0),
        ], ScoringRules.Default);

        Assert.Equal([(10, 1), (30, 1), (20, 3)], scores.Select(s => (s.UnitId, s.Rank)));
    }

    [Fact]
    public void A_unit_expected_at_no_meeting_missed_nothing()
    {
        Assert.Equal(40, AnnualReview.Score([new UnitYearRecord(10, 0, 0, [0, 0, 0, 1], 0)], ScoringRules.Default).Single().AttendancePoints);
    }

    [Fact]
    public void Invalid_rules_and_records_are_refused()
    {
        Assert.Equal([ScoringRules.ErrorNegative], (ScoringRules.Default with { AttendanceMaxPoints = -1 }).Validate());
        Assert.Equal([ScoringRules.ErrorCapBelowPoints], (ScoringRules.Default with { ActivityCapPerQuarter = 4 }).Validate());
        Assert.Throws<ArgumentException>(() => AnnualReview.Score([], ScoringRules.Default with { AdoptedTopicCap = 1 }));
        Assert.Throws<ArgumentException>(() => AnnualReview.Score([new UnitYearRecord(10, 1, 1, [1, 1, 1], 0)], ScoringRules.Default));
        Assert.Throws<ArgumentException>(() => AnnualReview.Score([new UnitYearRecord(10, 1, 2, [1, 1, 1, 1], 0)], ScoringRules.Default));
    }

    [Fact]
    public void The_stored_rule_set_gives_the_rules()
    {
        var stored = new CouncilScoringRuleSet { CouncilId = 1, Year = 2026, PointsPerAdoptedTopic = 8 };

        Assert.Equal(ScoringRules.Default with { PointsPerAdoptedTopic = 8 }, stored.ToRules());
    }

    [Fact]
    public void Every_unfinished_item_needs_a_reason_to_be_carried_over()
    {
        var unfinished = new HashSet<int> { 5, 6, 7 };
        var reasons = new Dictionary<int, string?> { [5] = "资金未到位", [6] = "  ", [9] = "已完成" };

        var errors = AnnualReview.CheckCarryOver(unfinished, reasons);

        Assert.Equal(new Dictionary<int, string>
        {
            [6] = AnnualReview.ErrorReasonRequired,
            [7] = AnnualReview.ErrorReasonRequired,
            [9] = AnnualReview.ErrorNotUnfinished,
        }, errors);
    }

    [Fact]
    public void Checked_carry_overs_become_rows_with_their_reasons()
    {
        var reasons = new Dictionary<int, string?> { [7] = " 施工方延期 ", [5] = "资金未到位" };
        Assert.Empty(AnnualReview.CheckCarryOver(new HashSet<int> { 5, 7 }, reasons));

        var rows = AnnualReview.CarryOverRows(1, 2026, reasons, "secretary", new DateTime(2026, 12, 31, 8, 0, 0, DateTimeKind.Utc));

        Assert.Equal([(5, "资金未到位"), (7, "施工方延期")], rows.Select(r => (r.WorkItemId, r.Reason)));
        Assert.All(rows, r => Assert.Equal(2026, r.FromYear));
    }
}

public sealed class AnnualReviewRecordsTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");

    private static Meeting Held(int month, params int[] presentUnits)
    {
        var start = new DateTime(2026, month, 10, 1, 0, 0, DateTimeKind.Utc);
        var meeting = new Meeting { Title = "例会", StartsAtUtc = start };
        meeting.Apply(MeetingAction.Start, start);
        meeting.Apply(MeetingAction.End, start.AddHours(2));
        meeting.Attendances.AddRange(presentUnits.Select(u => new Attendance { PersonId = u * 10, UnitId = u, CheckedInAtUtc = start }));
        return meeting;
    }

    [Fact]
    public void The_years_records_come_from_held_meetings_seats_and_adopted_topics()
    {
        var members = new[]
        {
            new CouncilMember { UnitId = 10, PersonId = 100, TermFrom = new(2025, 1, 1) },
            new CouncilMember { UnitId = 20, PersonId = 200, TermFrom = new(2026, 6, 1) }, // joined mid-year
            new CouncilMember { UnitId = 30, PersonId = 300, TermFrom = new(2024, 1, 1), TermTo = new(2025, 12, 31) }, // gone
        };
        var cancelled = new Meeting { Title = "取消", StartsAtUtc = new DateTime(2026, 9, 10, 1, 0, 0, DateTimeKind.Utc) };
        cancelled.Apply(MeetingAction.Cancel, cancelled.StartsAtUtc, "台风");
        Meeting[] meetings = [Held(3, 10), Held(6, 10, 20), Held(9), cancelled];
        var accepted = new Topic { ProposerUnitId = 20, Title = "题", SubmittedAtUtc = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) };
        accepted.Apply(TopicAction.Accept, accepted.SubmittedAtUtc);
        var lastYear = new Topic { ProposerUnitId = 10, Title = "题", SubmittedAtUtc = new DateTime(2025, 12, 31, 16, 30, 0, DateTimeKind.Utc) }; // 00:30 on 1 January 2026 in China
        lastYear.Apply(TopicAction.Accept, lastYear.SubmittedAtUtc);
        var submitted = new Topic { ProposerUnitId = 10, Title = "题", SubmittedAtUtc = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) };

        var records = AnnualReview.Records(2026, meetings, members, [accepted, lastYear, submitted], new Dictionary<int, int[]> { [10] = [1, 0, 2, 0] }, China);

        Assert.Equal(2, records.Count);
        // Unit 10: all three held meetings (the cancelled one does not count), present at two, one adopted topic.
        Assert.Equal((10, 3, 2, 1), (records[0].UnitId, records[0].MeetingsExpected, records[0].MeetingsAttended, records[0].AdoptedTopics));
        Assert.Equal([1, 0, 2, 0], records[0].ActivitiesPerQuarter);
        // Unit 20 joined on 1 June: expected at June's and September's meetings only.
        Assert.Equal((20, 2, 1, 1), (records[1].UnitId, records[1].MeetingsExpected, records[1].MeetingsAttended, records[1].AdoptedTopics));
        Assert.Equal([0, 0, 0, 0], records[1].ActivitiesPerQuarter);
    }
}
