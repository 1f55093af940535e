using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Councils;

/// <summary>The councils' demo data as seeded on a fresh database: consistent with the council domain's own rules.</summary>
public sealed class CouncilDemoSeedTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PortalDbContext> DbAsync() =>
        await server.Portal.NewDbContextAsync(Ct);

    [Fact]
    public async Task Each_demo_community_has_a_valid_council_with_posts_and_member_units()
    {
        await using var db = await DbAsync();
        var councils = await db.Councils.Include(c => c.Members).OrderBy(c => c.Id).ToListAsync(Ct);
        var communities = await db.Communities.OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.Equal(communities.Select(c => (int?)c.Id), councils.Select(c => c.CommunityId));
        Assert.Equal($"{DemoDataSeeder.CommunityNames[0]}党建联席会议", councils[0].Name);
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        foreach (var council in councils)
        {
            Assert.Empty(council.Validate());
            Assert.All(council.Members, m => Assert.Empty(m.Validate()));
            var units = await db.Units.Where(u => u.CommunityId == council.CommunityId).Select(u => u.Id).ToListAsync(Ct);
            Assert.Superset(units.ToHashSet(), CouncilRoster.MemberUnitsOn(council.Members, today).ToHashSet());
            // Every unit seat is held by the unit's Party leader, with the unit's liaison.
            foreach (var seat in council.Members.Where(m => m.UnitId is not null))
            {
                var unit = await db.Units.SingleAsync(u => u.Id == seat.UnitId, Ct);
                Assert.Equal(unit.LeaderPersonId, seat.PersonId);
                Assert.Equal(unit.LiaisonPersonId, seat.LiaisonPersonId);
            }
            Assert.Single(CouncilRoster.Holding(council.Members, CouncilRole.Secretariat, today));
            Assert.Single(CouncilRoster.Holding(council.Members, CouncilRole.Recorder, today));
            Assert.NotEmpty(CouncilRoster.Holding(council.Members, CouncilRole.DeputyChair, today));
        }
        Assert.Single(CouncilRoster.Holding(councils[1].Members, CouncilRole.Chair, today));
    }

    [Fact]
    public async Task The_rotating_council_has_a_computable_schedule_and_its_meetings_are_chaired_by_the_year_s_unit()
    {
        await using var db = await DbAsync();
        var council = await db.Councils.Include(c => c.Members).SingleAsync(c => c.ChairArrangement == ChairArrangement.LeadUnitWithRotatingChair, Ct);
        var rotation = ChairRotation.FromMembers(council.LeadUnitId!.Value, council.RotationStartYear!.Value, council.Members);
        Assert.Empty(rotation.Validate());
        var year = PortalTime.ToLocal(DateTime.UtcNow).Year;
        var schedule = rotation.Schedule(council.RotationStartYear.Value, 8);
        Assert.All(schedule, y => Assert.NotNull(y.ChairUnitId));
        Assert.All(schedule, y => Assert.NotEqual(council.LeadUnitId, y.ChairUnitId));
        // Turns pass in order: the first years see different units.
        Assert.Equal(3, schedule.Take(3).Select(y => y.ChairUnitId).Distinct().Count());

        var leaders = await db.Units.ToDictionaryAsync(u => u.Id, u => u.LeaderPersonId, Ct);
        var meetings = await db.Meetings.Where(m => m.CouncilId == council.Id).ToListAsync(Ct);
        Assert.NotEmpty(meetings);
        Assert.All(meetings, m => Assert.Equal(leaders[rotation.ChairOf(PortalTime.ToLocal(m.StartsAtUtc).Year)!.Value], m.ChairPersonId));
        Assert.Contains(meetings, m => PortalTime.ToLocal(m.StartsAtUtc).Year == year);
    }

    [Fact]
    public async Task Meetings_follow_each_council_s_calendar_rule_from_january_with_past_ones_held_and_topics_for_the_next()
    {
        await using var db = await DbAsync();
        var now = DateTime.UtcNow;
        foreach (var council in await db.Councils.Include(c => c.Members).ToListAsync(Ct))
        {
            var rule = council.CalendarRule();
            var meetings = await db.Meetings.Include(m => m.Attendances).Include(m => m.AgendaItems).Include(m => m.Resolutions)
                .Where(m => m.CouncilId == council.Id && m.Kind == MeetingKind.Regular).OrderBy(m => m.StartsAtUtc).ToListAsync(Ct);
            Assert.NotEmpty(meetings);
            // Exactly the meetings the calendar proposes from 1 January up to the last one seeded.
            var firstDay = new DateOnly(PortalTime.ToLocal(meetings[0].StartsAtUtc).Year, 1, 1);
            var lastDay = DateOnly.FromDateTime(PortalTime.ToLocal(meetings[^1].StartsAtUtc));
            var expected = MeetingCalendar.Generate(rule, firstDay, lastDay, PortalTime.StartOfDayUtc(firstDay).AddDays(-1), PortalTime.Zone);
            Assert.Equal(expected.Select(p => (p.PeriodKey, p.StartsAtUtc, p.EndsAtUtc)), meetings.Select(m => (m.PeriodKey!, m.StartsAtUtc, m.EndsAtUtc)));
            Assert.Contains(meetings, m => m.StartsAtUtc > now);

            var past = meetings.Where(m => m.EndsAtUtc < now).ToList();
            Assert.All(past, m => Assert.Contains(m.Status, new[] { MeetingStatus.Ended, MeetingStatus.MinutesApproved }));
            foreach (var meeting in past)
            {
                var day = DateOnly.FromDateTime(PortalTime.ToLocal(meeting.StartsAtUtc));
                Assert.Equal(CouncilRoster.ExpectedPersonsOn(council.Members, day), meeting.Attendances.Select(a => a.PersonId).Order());
                var figures = AttendanceRules.Figures(meeting.Attendances);
                Assert.InRange(figures.Present, 1, figures.Expected);
            }
            if (past.Count > 0)
            {
                var latest = past[^1];
                Assert.Equal(MeetingStatus.Ended, latest.Status);
                Assert.NotEmpty(latest.AgendaItems);
                Assert.All(latest.AgendaItems, a => Assert.NotNull(a.Outcome));
                Assert.NotEmpty(latest.Resolutions);
            }

            var next = meetings.First(m => m.StartsAtUtc > now);
            var topics = await db.Topics.Where(t => t.MeetingId == next.Id).ToListAsync(Ct);
            Assert.All(Enum.GetValues<TopicStatus>(), s => Assert.Contains(topics, t => t.Status == s));
            Assert.All(topics.Where(t => t.Status is TopicStatus.Merged or TopicStatus.Deferred), t => Assert.False(string.IsNullOrWhiteSpace(t.ScreeningReason)));
        }
    }
    [Fact]
    public async Task Approved_minutes_made_their_resolutions_into_council_tasks_as_approval_does_and_the_council_page_counts_them()
    {
        await using var db = await DbAsync();
        var now = DateTime.UtcNow;
        var year = PortalTime.ToLocal(now).Year;
        foreach (var council in await db.Councils.AsNoTracking().ToListAsync(Ct))
        {
            var meetings = await db.Meetings.AsNoTracking().Include(m => m.AgendaItems).Include(m => m.Resolutions).ThenInclude(r => r.CoOwners)
                .Where(m => m.CouncilId == council.Id && m.Kind == MeetingKind.Regular && m.EndsAtUtc < now).OrderBy(m => m.StartsAtUtc).AsSplitQuery().ToListAsync(Ct);
            var approved = meetings.Where(m => m.Status == MeetingStatus.MinutesApproved).ToList();
            Assert.NotEmpty(approved);
            var taskIds = new List<int>();
            foreach (var meeting in approved)
            {
                // Approved minutes say what was discussed and decided: an agenda with outcomes, the approved text, resolutions.
                Assert.False(string.IsNullOrWhiteSpace(meeting.MinutesMarkdown), meeting.Title);
                Assert.NotEmpty(meeting.AgendaItems);
                Assert.All(meeting.AgendaItems, a => Assert.False(string.IsNullOrWhiteSpace(a.Outcome)));
                Assert.NotEmpty(meeting.Resolutions);
                foreach (var resolution in meeting.Resolutions)
                {
                    Assert.NotNull(resolution.WorkItemId);
                    Assert.Contains(resolution.Decision, meeting.MinutesMarkdown);
                    var task = await db.WorkItems.AsNoTracking().Include(w => w.CoOwners).Include(w => w.Events)
                        .SingleAsync(w => w.Id == resolution.WorkItemId, Ct);
                    // The task approval makes: the decision as title, its owner, co-owners and deadline, dispatched at approval.
                    Assert.Equal(WorkItemKind.CouncilTask, task.Kind);
                    Assert.Equal(RaiseChannel.Council, task.Channel);
                    Assert.Equal(resolution.Decision, task.Title);
                    Assert.Equal(resolution.OwnerUnitId, task.OwnerUnitId);
                    Assert.Equal(resolution.CoOwners.Select(c => c.UnitId).Order(), task.CoOwners.Select(c => c.UnitId).Order());
                    Assert.Equal(PortalTime.StartOfDayUtc(resolution.DueDate.AddDays(1)), task.DueAtUtc);
                    Assert.Contains($"/councils/meetings/{meeting.Id}/minutes", task.DescriptionMarkdown);
                    Assert.True(task.RaisedAtUtc > meeting.EndsAtUtc && task.RaisedAtUtc <= now, task.Title);
                    Assert.Equal([WorkItemAction.Triage, WorkItemAction.Dispatch],
                        task.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Take(2).Select(e => e.Action));
                    taskIds.Add(task.Id);
                }
            }
            // The minutes still with the recorder have made no task yet.
            Assert.All(meetings.Where(m => m.Status == MeetingStatus.Ended).SelectMany(m => m.Resolutions), r => Assert.Null(r.WorkItemId));

            // The council page counts them: new this year, in progress and closed, and the overdue ones with their reason.
            var tasks = await TestAccounts.AsAsync(server.Portal, "admin", s => s.GetRequiredService<MinutesService>().TasksAsync(council.Id, Ct));
            Assert.NotNull(tasks);
            var stored = await db.WorkItems.AsNoTracking().Where(w => taskIds.Contains(w.Id)).ToListAsync(Ct);
            Assert.Equal(stored.Count(t => PortalTime.ToLocal(t.RaisedAtUtc).Year == year), tasks.CreatedThisYear);
            Assert.True(tasks.CreatedThisYear > 0);
            Assert.True(tasks.Open > 0, "open tasks");
            Assert.True(tasks.Closed > 0, "closed tasks");
            Assert.All(tasks.Overdue, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason), t.Title));
        }
    }

    [Fact]
    public async Task The_first_council_has_one_ad_hoc_meeting_in_progress_with_its_second_item_current()
    {
        await using var db = await DbAsync();
        var community = await db.Communities.SingleAsync(c => c.Name == DemoDataSeeder.CommunityNames[0], Ct);
        var council = await db.Councils.SingleAsync(c => c.CommunityId == community.Id, Ct);
        var running = await db.Meetings.Include(m => m.AgendaItems).Include(m => m.Attendances)
            .Where(m => m.Status == MeetingStatus.InProgress).ToListAsync(Ct);
        var meeting = Assert.Single(running);
        Assert.Equal(council.Id, meeting.CouncilId);
        Assert.Equal(MeetingKind.AdHoc, meeting.Kind);
        Assert.True(meeting.StartedAtUtc <= DateTime.UtcNow && meeting.EndsAtUtc > DateTime.UtcNow);
        Assert.InRange(meeting.AgendaItems.Count, 3, 4);
        Assert.NotEmpty(meeting.Attendances);

        // Its agenda went through the live agenda: the changes are logged up to the stored revision, one per revision.
        var log = await db.AgendaChanges.Where(c => c.MeetingId == meeting.Id).OrderBy(c => c.Revision).ToListAsync(Ct);
        var agenda = meeting.LoadAgenda(log.Select(c => c.ToHistory()));
        Assert.Equal(agenda.Items[1].Number, meeting.CurrentAgendaItemNumber);
        Assert.NotNull(agenda.Items[0].ActualEndUtc);
        Assert.NotNull(agenda.Items[0].Outcome);
        Assert.True(agenda.Items[1].TimerRunning);
        var revisions = log.Select(c => c.Revision).ToList();
        Assert.Equal(meeting.AgendaRevision, revisions[^1]);
        Assert.Equal(Enumerable.Range(revisions[0], revisions.Count), revisions);
    }
}
