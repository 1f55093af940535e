using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Localization;

namespace Portal.Web.Tests.CouncilReview;

/// <summary>
/// Data the annual review reads that the demo does not hold: council tasks made from resolutions of the demo council's
/// latest held meeting, and a project whose need a member unit raised at the council. Made through the domain's own steps.
/// </summary>
internal static class ReviewTestData
{
    /// <summary>The first demo council's latest held meeting (ended or minutes approved).</summary>
    public static async Task<Meeting> LatestHeldMeetingAsync(PortalHost host, int councilId)
    {
        await using var db = await host.NewDbContextAsync();
        return await db.Meetings.AsNoTracking().Where(m => m.CouncilId == councilId
                && (m.Status == MeetingStatus.Ended || m.Status == MeetingStatus.MinutesApproved))
            .OrderByDescending(m => m.StartsAtUtc).FirstAsync();
    }

    /// <summary>The local year of a meeting (the year the review counts it in).</summary>
    public static int YearOf(Meeting meeting) => PortalTime.ToLocal(meeting.StartedAtUtc ?? meeting.StartsAtUtc).Year;

    /// <summary>
    /// A resolution of the meeting with its council task, owned by <paramref name="ownerUnitId"/>: in progress, or taken
    /// through report and close when <paramref name="closed"/>. Returns the task's work item id.
    /// </summary>
    public static async Task<int> CouncilTaskAsync(PortalHost host, Meeting meeting, int communityId, int ownerUnitId, string title, bool closed = false)
    {
        await using var db = await host.NewDbContextAsync();
        var at = meeting.EndsAtUtc;
        var task = new WorkItem
        {
            Kind = WorkItemKind.CouncilTask, Title = title, Category = WorkItemCategories.All[0], CommunityId = communityId,
            Channel = RaiseChannel.Council, RaisedByName = "测试", RaisedAtUtc = at, OwnerUnitId = ownerUnitId, DueAtUtc = at.AddDays(30),
        };
        Step(task, WorkItemAction.Triage, at);
        Step(task, WorkItemAction.Dispatch, at);
        Step(task, WorkItemAction.Accept, at);
        if (closed)
        {
            Step(task, WorkItemAction.ReportBack, at.AddDays(1));
            Step(task, WorkItemAction.Close, at.AddDays(2));
        }
        db.WorkItems.Add(task);
        await db.SaveChangesAsync();
        db.Resolutions.Add(new Resolution
        {
            MeetingId = meeting.Id, Decision = title, OwnerUnitId = ownerUnitId, DueDate = DateOnly.FromDateTime(PortalTime.ToLocal(at)).AddDays(30),
            WorkItemId = task.Id,
        });
        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>
    /// A project of the community reported done by its lead unit, with a need that <paramref name="raisingUnitId"/>
    /// brought to the council as a topic of <paramref name="meeting"/>. Returns (project id, need id).
    /// </summary>
    public static async Task<(int Project, int Need)> RaisedProjectAsync(PortalHost host, Meeting meeting, int communityId, int raisingUnitId,
        int leadUnitId, string title)
    {
        await using var db = await host.NewDbContextAsync();
        var at = meeting.StartsAtUtc;
        var project = new WorkItem
        {
            Kind = WorkItemKind.Project, Title = title, Category = WorkItemCategories.All[0], CommunityId = communityId, Channel = RaiseChannel.Council,
            RaisedByName = "测试", RaisedAtUtc = at, OwnerUnitId = leadUnitId, IsShared = true, IsPublic = true, Project = new ProjectDetails { ProgressPercent = 100 },
        };
        Step(project, WorkItemAction.Triage, at);
        Step(project, WorkItemAction.Dispatch, at);
        Step(project, WorkItemAction.Accept, at);
        Step(project, WorkItemAction.ReportBack, at.AddDays(3));
        db.WorkItems.Add(project);
        await db.SaveChangesAsync();
        var need = new WorkItem
        {
            Kind = WorkItemKind.Need, Title = title + "（需求）", Category = WorkItemCategories.All[0], CommunityId = communityId,
            RaisedByName = "测试", RaisedAtUtc = at.AddDays(-10), IsShared = true,
        };
        need.TakeUpInto(project.Id);
        Step(need, WorkItemAction.Triage, at.AddDays(-9));
        db.WorkItems.Add(need);
        await db.SaveChangesAsync();
        db.Topics.Add(new Topic
        {
            MeetingId = meeting.Id, ProposerUnitId = raisingUnitId, Title = title + "（议题）", WorkItemId = need.Id, SubmittedAtUtc = at.AddDays(-8),
        });
        await db.SaveChangesAsync();
        return (project.Id, need.Id);
    }

    private static void Step(WorkItem item, WorkItemAction action, DateTime at)
    {
        var result = item.Apply(action, at);
        if (!result.Allowed) throw new InvalidOperationException($"Test data refused by the workflow: {action} → {result.ErrorCode}");
    }
}
