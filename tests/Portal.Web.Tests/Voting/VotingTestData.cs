using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Voting;

/// <summary>
/// Votes on the demo data: "secretary" manages 青年湖社区 (the first community), "gridworker" works its first grid,
/// "resident" lives there, "resident2" lives in 安德里社区.
/// </summary>
internal static class VotingTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<T> As<T>(PortalHost host, string user, Func<VoteService, Task<T>> action) =>
        TestAccounts.AsAsync(host, user, s => action(s.GetRequiredService<VoteService>()));

    public static Task<int> CommunityAsync(PortalHost host) => TestAccounts.DbAsync(host, db =>
        (from u in db.Users
         join r in db.RoleAssignments on u.Id equals r.UserId
         where u.UserName == "secretary" && r.Role == PortalRole.CommunitySecretary
         select r.ScopeId).SingleAsync(Ct));

    public static Task<int> PersonOfAsync(PortalHost host, string userName) =>
        TestAccounts.DbAsync(host, db => db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId!.Value).SingleAsync(Ct));

    /// <summary>The building the account's person lives in.</summary>
    public static async Task<int> BuildingOfAsync(PortalHost host, string userName)
    {
        var person = await PersonOfAsync(host, userName);
        return await TestAccounts.DbAsync(host, db => db.People.Where(p => p.Id == person).Select(p => p.Household!.BuildingId).SingleAsync(Ct));
    }

    public static VoteForm Form(int community, MatterScope scope, RuleSet rules, Secrecy secrecy = Secrecy.Named,
        BallotChannels channels = BallotChannels.Online | BallotChannels.Paper | BallotChannels.DoorToDoor | BallotChannels.OnSite,
        string title = "是否加装电梯", TimeSpan? open = null) =>
        new(community, scope, title, QuestionKind.Motion, [], 1, rules.Code, secrecy, channels,
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.Add(open ?? TimeSpan.FromDays(7)));

    /// <summary>Creates the vote as the secretary and opens it; its id.</summary>
    public static async Task<int> OpenVoteAsync(PortalHost host, VoteForm form)
    {
        var created = await As(host, "secretary", s => s.CreateAsync(form, Ct));
        Assert.True(created.Succeeded, host.TextOf(created));
        var opened = await As(host, "secretary", s => s.OpenAsync(created.Id, created.Version!.Value, Ct));
        Assert.True(opened.Succeeded, host.TextOf(opened));
        return created.Id;
    }

    public static Task<Guid> VersionAsync(PortalHost host, int voteId) =>
        TestAccounts.DbAsync(host, db => db.Votes.Where(v => v.Id == voteId).Select(v => v.Version).SingleAsync(Ct));

    public static Task<List<VoteElector>> RollAsync(PortalHost host, int voteId) =>
        TestAccounts.DbAsync(host, db => db.VoteElectors.AsNoTracking().Where(e => e.VoteId == voteId).OrderBy(e => e.Id).ToListAsync(Ct));

    /// <summary>The roll row of the account's person (its household's row in a household vote).</summary>
    public static async Task<VoteElector> RowOfAsync(PortalHost host, int voteId, string userName)
    {
        var person = await PersonOfAsync(host, userName);
        var household = await TestAccounts.DbAsync(host, db => db.People.Where(p => p.Id == person).Select(p => p.HouseholdId).SingleAsync(Ct));
        return (await RollAsync(host, voteId)).Single(e => e.PersonId == person || (e.PersonId == null && e.HouseholdId == household));
    }

    public static CastCommand Paper(int voteId, int electorId, string number, int choice = BallotQuestion.Agree) =>
        new(voteId, BallotChannel.Paper, [choice], electorId, number, Scan($"paper-{number}.jpg"));

    /// <summary>An evidence upload whose bytes start like its type (a JPEG photo, or a PDF for ".pdf").</summary>
    public static AttachmentUpload Scan(string name = "scan.jpg") =>
        new(name, name.EndsWith(".pdf", StringComparison.Ordinal) ? "%PDF-1.7\n"u8.ToArray() : [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']);
}
