using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Announcements;
using Portal.Domain.Councils;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;

namespace Portal.Testing;

/// <summary>One concrete path of a page pattern, with what its route values stand for (for messages).</summary>
public sealed record DemoPath(string Path, string Description);

/// <summary>
/// Real route values from the demo data, all of the first demo community (whose secretary is the "secretary" account),
/// so that a test can open every page of the portal with something to show.
/// A parameter is known by the literal segment before it and its name ("meetings/Id", "review/Year"): a new page under
/// an existing segment is filled without change here; a page with a new kind of parameter makes
/// <see cref="PathsOf"/> say what to add. Where two areas use the same segment for different things, the key with all the
/// literal segments before the parameter ("deliberation/meetings/Id") is asked first.
/// </summary>
public sealed class DemoRouteValues
{
    private readonly Dictionary<string, IReadOnlyList<(string Value, string Description)>> _values;

    private DemoRouteValues(Dictionary<string, IReadOnlyList<(string Value, string Description)>> values) => _values = values;

    public static async Task<DemoRouteValues> LoadAsync(PortalHost host)
    {
        await using var db = await host.NewDbContextAsync();
        var community = await db.Communities.AsNoTracking().Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync();
        var values = new Dictionary<string, IReadOnlyList<(string, string)>>();

        var announcement = await db.Announcements.AsNoTracking()
            .Where(a => a.CommunityId == community && a.Status == AnnouncementStatus.Published)
            .OrderByDescending(a => a.PublishedAtUtc).Select(a => a.Id).FirstAsync();
        values["announcements/Id"] = [(Id(announcement), "a published announcement of the first community")];

        // The first community's council: its secretariat is the "secretary" account.
        var communityCouncil = await db.Councils.AsNoTracking().Where(c => c.CommunityId == community).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        IReadOnlyList<(string, string)> councils = [(Id(communityCouncil), "the first community's council")];
        values["councils/Id"] = values["councils/CouncilId"] = councils;

        // A meeting in each part of its life: held with approved minutes, and the next one still collecting topics.
        var now = DateTime.UtcNow;
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == communityCouncil && m.Status == MeetingStatus.MinutesApproved)
            .OrderByDescending(m => m.StartsAtUtc).Select(m => m.Id).FirstAsync();
        var next = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == communityCouncil && m.StartsAtUtc > now && m.Status == MeetingStatus.Scheduled)
            .OrderBy(m => m.StartsAtUtc).Select(m => m.Id).FirstAsync();
        values["meetings/Id"] = [(Id(held), "a held meeting with approved minutes"), (Id(next), "the next scheduled meeting")];

        // Last year: complete, so the annual review has scores to show.
        values["review/Year"] = [((PortalTime.ToLocal(now).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "last year")];

        // One work item of every kind the first community has.
        var items = await db.WorkItems.AsNoTracking().Where(w => w.CommunityId == community)
            .GroupBy(w => w.Kind).Select(g => new { Kind = g.Key, Id = g.Min(w => w.Id) }).ToListAsync();
        values["items/Id"] = items.OrderBy(i => i.Kind).Select(i => (Id(i.Id), $"a work item of kind {i.Kind}")).ToList();

        var need = await db.WorkItems.AsNoTracking()
            .Where(w => w.CommunityId == community && w.Kind == WorkItemKind.Need && w.Status == WorkItemStatus.Triaged)
            .OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
        values["needs/NeedId"] = [(Id(need), "a triaged need of the first community")];

        var project = await db.WorkItems.AsNoTracking()
            .Where(w => w.CommunityId == community && w.Kind == WorkItemKind.Project)
            .OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
        values["projects/Id"] = [(Id(project), "a project of the first community")];

        // Deliberation (issue 13 demo): the owners' lift vote open, the residents' meeting vote closed with its verdict.
        var openVote = await db.Votes.AsNoTracking().Where(v => v.CommunityId == community && v.Status == VoteStatus.Open)
            .OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var closedVote = await db.Votes.AsNoTracking().Where(v => v.CommunityId == community && v.Status == VoteStatus.Closed)
            .OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        values["votes/Id"] = [(Id(openVote), "an open owners' vote of the first community"), (Id(closedVote), "a closed residents' meeting vote")];

        // A session at its vote step and one at its notice step, each on its matter; the notice up for objections.
        var sessions = await db.DeliberationSessions.AsNoTracking().Where(s => s.CommunityId == community && s.FinishedAtUtc == null)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.MatterId }).Take(2).ToListAsync();
        values["sessions/Id"] = [.. sessions.Select(s => (Id(s.Id), "a running deliberation session of the first community"))];
        values["matters/Id"] = [.. sessions.Select(s => (Id(s.MatterId), "a matter under deliberation in the first community"))];
        var notice = await db.PublicNotices.AsNoTracking().Where(n => n.ClosedAtUtc == null)
            .Join(db.DeliberationSessions.Where(s => s.CommunityId == community), n => n.SessionId, s => s.Id, (n, s) => n.Id)
            .OrderBy(id => id).FirstAsync();
        values["notices/Id"] = [(Id(notice), "an open public notice of the first community")];

        // A deliberation meeting held and closed, with its sign-in sheet (the councils' meetings have "meetings/Id").
        var deliberationMeeting = await db.DeliberationMeetings.AsNoTracking().Where(m => m.CommunityId == community && m.Status == DeliberationMeetingStatus.Closed)
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        values["deliberation/meetings/Id"] = [(Id(deliberationMeeting), "a held deliberation meeting of the first community")];

        return new DemoRouteValues(values);
    }

    /// <summary>
    /// Every concrete path of the pattern, one per combination of demo values; for a parameter without demo values,
    /// <paramref name="missing"/> names what to add here.
    /// </summary>
    public IReadOnlyList<DemoPath> PathsOf(PortalEndpoint endpoint, out string? missing)
    {
        missing = null;
        var choices = new List<(RoutePatternParameterPart Parameter, IReadOnlyList<(string Value, string Description)> Values)>();
        foreach (var parameter in endpoint.Parameters)
        {
            var (full, key) = KeysOf(endpoint, parameter);
            if (!_values.TryGetValue(full, out var values) && !_values.TryGetValue(key, out values))
            {
                missing = $"no demo value for \"{key}\" in {endpoint.Pattern}: add one to {nameof(DemoRouteValues)}";
                return [];
            }
            choices.Add((parameter, values));
        }

        IEnumerable<List<(string Name, string Value, string Description)>> combinations = [[]];
        foreach (var (parameter, values) in choices)
            combinations = combinations.SelectMany(c => values.Select(v => new List<(string, string, string)>(c) { (parameter.Name, v.Value, v.Description) }));
        return combinations
            .Select(c => new DemoPath(
                endpoint.PathWith(p => c.Single(v => v.Name == p.Name).Value),
                string.Join(", ", c.Select(v => v.Description))))
            .ToList();
    }

    /// <summary>The literal segment before the parameter, and the parameter's name: "meetings/Id".</summary>
    /// <summary>The parameter's keys: after all the literal segments before it, and after the last of them alone.</summary>
    private static (string Full, string Short) KeysOf(PortalEndpoint endpoint, RoutePatternParameterPart parameter)
    {
        var literals = new List<string>();
        foreach (var segment in endpoint.Endpoint.RoutePattern.PathSegments)
        {
            if (segment.Parts.Contains(parameter)) break;
            if (segment.Parts is [RoutePatternLiteralPart literal]) literals.Add(literal.Content);
        }
        return ($"{string.Join('/', literals)}/{parameter.Name}", $"{literals.LastOrDefault()}/{parameter.Name}");
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
