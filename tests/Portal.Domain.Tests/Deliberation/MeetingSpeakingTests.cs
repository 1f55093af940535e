using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Domain.Tests.Deliberation;

/// <summary>The meeting around the speaking queue: its details, its life (scheduled → under way → closed) and its sign-in sheet.</summary>
public sealed class MeetingSpeakingTests
{
    private static readonly DateTime Starts = new(2026, 12, 7, 11, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Secretary = new("sec", "王书记", new HashSet<PortalRole> { PortalRole.CommunitySecretary });

    private static DeliberationSession Session()
    {
        var template = ProcedureTemplate.Create("两步", ScopeKind.Community, 3,
        [
            ProcedureStep.Of("议事", PortalRole.CommunitySecretary, null, SignInSheet),
            ProcedureStep.Of("定事", PortalRole.CommunitySecretary, null, Vote),
        ]).Template!;
        var matter = MatterTests.Raised(id: 11, communityId: 3);
        matter.Accept("sec", Starts);
        var session = DeliberationSession.Start(matter, template, 2, Starts.AddDays(-3)).Session!;
        session.Id = 8;
        return session;
    }

    private static DeliberationMeeting Scheduled(SpeakingRules? rules = null)
    {
        var meeting = DeliberationMeeting.Schedule(Session(), "加装电梯议事会", "居委会二楼", Starts, 30, rules ?? SpeakingRules.Default, "sec").Meeting!;
        meeting.Id = 5;
        return meeting;
    }

    private static DeliberationMeeting Opened()
    {
        var meeting = Scheduled();
        Assert.Null(meeting.Open(Starts));
        Assert.Null(meeting.AddMotion("费用分摊").Error);
        Assert.Null(meeting.OpenMotion(1, Starts));
        return meeting;
    }

    [Fact]
    public void A_meeting_is_scheduled_with_its_details_and_the_default_rules()
    {
        var meeting = Scheduled();

        Assert.Equal((8, 3, "加装电梯议事会", "居委会二楼", 30, 120, 2, DeliberationMeetingStatus.Scheduled),
            (meeting.SessionId, meeting.CommunityId, meeting.Title, meeting.Location, meeting.ExpectedCount, meeting.SpeechLimitSeconds,
             meeting.MaxSpeechesPerMotion, meeting.Status));
    }

    [Theory]
    [InlineData(" ", 30, 120, 2, DeliberationMeeting.ErrorTitle)]
    [InlineData("议事会", -1, 120, 2, DeliberationMeeting.ErrorExpected)]
    [InlineData("议事会", DeliberationMeeting.ExpectedMax + 1, 120, 2, DeliberationMeeting.ErrorExpected)]
    [InlineData("议事会", 0, 10, 2, SpeakingRules.ErrorSpeechLimit)]
    [InlineData("议事会", 0, 120, 0, SpeakingRules.ErrorMaxSpeeches)]
    public void Bad_details_are_refused(string title, int expected, int seconds, int speeches, string error) =>
        Assert.Equal((null, error), DeliberationMeeting.Schedule(Session(), title, null, Starts, expected, new SpeakingRules(seconds, speeches), "sec"));

    [Fact]
    public void A_finished_session_holds_no_more_meetings()
    {
        var session = Session();
        Assert.Null(session.CompleteStep(0, Secretary, [new EvidenceRef(SignInSheet, 1)], Starts));
        Assert.Null(session.CompleteStep(1, Secretary, [new EvidenceRef(Vote, 1)], Starts));

        Assert.Equal((null, DeliberationMeeting.ErrorSessionFinished),
            DeliberationMeeting.Schedule(session, "议事会", null, Starts, 0, SpeakingRules.Default, "sec"));
    }

    [Fact]
    public void Sign_in_opens_an_hour_before_the_start_and_ends_with_the_meeting()
    {
        var meeting = Scheduled();

        Assert.Equal((null, MeetingSignIn.ErrorNotOpen), MeetingSignIn.Self(meeting, 1, "李", "u1", Starts.AddMinutes(-61)));
        var (line, error) = MeetingSignIn.Self(meeting, 1, " 李 ", "u1", Starts.AddMinutes(-60));
        Assert.Null(error);
        Assert.Equal((5, (int?)1, "李", SignInWay.QrCode), (line!.MeetingId, line.PersonId, line.Name, line.Way));
        Assert.Contains(new DeliberationMeetingSignedIn(5), line.TakeEvents());
        Assert.Null(meeting.Close(Starts.AddHours(2)));
        Assert.Equal((null, MeetingSignIn.ErrorNotOpen), MeetingSignIn.Recorded(meeting, "张", "sec", Starts.AddHours(2)));
    }

    [Fact]
    public void The_chair_records_a_paper_line_by_name_only()
    {
        var (line, _) = MeetingSignIn.Recorded(Opened(), "张大爷", "sec", Starts);

        Assert.Equal(((int?)null, "张大爷", SignInWay.RecordedByChair, "sec"), (line!.PersonId, line.Name, line.Way, line.ByUserId));
        Assert.Equal((null, MeetingSignIn.ErrorName), MeetingSignIn.Recorded(Opened(), "  ", "sec", Starts));
    }

    [Fact]
    public void The_figures_count_as_the_councils_do()
    {
        var figures = MeetingSignIn.Figures(30, 21);

        Assert.Equal((30, 21, 70.0), (figures.Expected, figures.Present, figures.RatePercent!.Value));
        Assert.Null(MeetingSignIn.Figures(0, 3).RatePercent);
    }

    [Fact]
    public void Nobody_speaks_before_the_meeting_is_opened()
    {
        var meeting = Scheduled();
        meeting.AddMotion("费用分摊");

        Assert.Equal(DeliberationMeeting.ErrorNotStarted, meeting.OpenMotion(1, Starts));
        Assert.Equal((0, DeliberationMeeting.ErrorNotStarted), meeting.RequestToSpeak(1, "李", hasSignedIn: true, Starts));
    }

    [Fact]
    public void Only_those_who_signed_in_may_ask_to_speak()
    {
        var meeting = Opened();

        Assert.Equal((0, DeliberationMeeting.ErrorNotSignedIn), meeting.RequestToSpeak(1, "李", hasSignedIn: false, Starts));
        Assert.Equal((1, null), meeting.RequestToSpeak(1, "李", hasSignedIn: true, Starts));
        Assert.Equal(1, meeting.Queue.PlaceOf(1));
    }

    [Fact]
    public void The_third_request_is_refused_through_the_meeting_too()
    {
        var meeting = Opened();
        for (var i = 0; i < 2; i++)
        {
            var (request, _) = meeting.RequestToSpeak(1, "李", true, Starts);
            Assert.Null(meeting.GiveFloor(request, Starts));
            Assert.Null(meeting.EndSpeech(meeting.Queue.CurrentSpeech!.Number, SpeechEnd.Chair, Starts.AddMinutes(1)));
        }

        Assert.Equal((0, SpeakingQueue.ErrorNoSpeechesLeft), meeting.RequestToSpeak(1, "李", true, Starts));
        Assert.Equal(2, meeting.Speeches.Length);
    }

    [Fact]
    public void Every_change_tells_the_screens_and_a_refusal_does_not()
    {
        var meeting = Opened();
        meeting.TakeEvents();

        Assert.Equal(SpeakingQueue.ErrorNotNext, meeting.GiveFloor(9, Starts));
        Assert.Empty(meeting.TakeEvents());
        meeting.RequestToSpeak(1, "李", true, Starts);
        Assert.Equal([new DeliberationMeetingChanged(5)], meeting.TakeEvents());
    }

    [Fact]
    public void Closing_ends_the_speech_the_motion_and_further_changes()
    {
        var meeting = Opened();
        var (request, _) = meeting.RequestToSpeak(1, "李", true, Starts);
        meeting.GiveFloor(request, Starts);

        Assert.Null(meeting.Close(Starts.AddMinutes(5)));

        Assert.Equal((DeliberationMeetingStatus.Closed, (DateTime?)Starts.AddMinutes(5)), (meeting.Status, meeting.ClosedAtUtc));
        Assert.Equal((MotionState.Closed, SpeechEnd.MotionClosed), (meeting.Motions[0].State, meeting.Speeches[0].EndedBy!.Value));
        Assert.Equal(DeliberationMeeting.ErrorClosed, meeting.Close(Starts));
        Assert.Equal((0, DeliberationMeeting.ErrorClosed), meeting.AddMotion("又一项"));
        Assert.Equal(DeliberationMeeting.ErrorClosed, meeting.ChangeDetails("议事会", null, Starts, 1, SpeakingRules.Default));
    }

    [Fact]
    public void New_rules_apply_to_the_next_speech_only()
    {
        var meeting = Opened();
        var (first, _) = meeting.RequestToSpeak(1, "李", true, Starts);
        meeting.GiveFloor(first, Starts);

        Assert.Null(meeting.ChangeDetails("加装电梯议事会", null, Starts, 30, new SpeakingRules(60, 3)));

        Assert.Equal((120, 60, 3), (meeting.Queue.CurrentSpeech!.LimitSeconds, meeting.SpeechLimitSeconds, meeting.MaxSpeechesPerMotion));
    }
}
