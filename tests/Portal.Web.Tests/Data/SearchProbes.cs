using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Announcements;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Councils.Setup;
using Portal.Web.Features.Directory;
using Portal.Web.Features.Lists.Board;
using Portal.Web.Features.Lists.Commitments;
using Portal.Web.Features.Lists.Projects;
using Portal.Web.Features.Lists.Resources;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;

namespace Portal.Web.Tests.Data;

/// <summary>
/// Every search of the portal that takes a person's words into a database query, each as the user who has it. A search
/// term is text a person typed like any other, so it must be read by the one text rule before it reaches the database:
/// PostgreSQL refuses NUL even in a query parameter (22021, a server error), and a term with a zero-width character never
/// matched the cleaned, NFC-normalized stored text.
/// </summary>
public static class SearchProbes
{
    private const string ZeroWidthSpace = "\u200B";

    /// <summary>One search: what it finds for a term (null: no term) as its total and the text of its first row.</summary>
    private sealed record Probe(string Name, Func<PortalHost, string?, Task<(int Total, string? First)>> Run, Func<PortalHost, Task<string?>>? Term = null);

    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Task<(int Total, string? First)> As<TService>(PortalHost host, string user, Func<TService, Task<(int, string?)>> search)
        where TService : notnull => host.AsAsync(user, search);

    private static (int, string?) Found<T>(T? result, Func<T, int> total, Func<T, string?> first) where T : class =>
        result is null ? (0, null) : (total(result), first(result));

    private static async Task<int> CommunityAsync(PortalHost host)
    {
        await using var db = await host.NewDbContextAsync(Ct);
        return await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
    }

    private static async Task<int> CouncilAsync(PortalHost host)
    {
        var community = await CommunityAsync(host);
        await using var db = await host.NewDbContextAsync(Ct);
        return await db.Councils.Where(c => c.CommunityId == community).Select(c => c.Id).FirstAsync(Ct);
    }

    /// <summary>A person's name the people search finds: the term for the searches that offer people to pick.</summary>
    private static async Task<string?> PersonNameAsync(PortalHost host) =>
        (await As<PersonService>(host, "admin", async s => (0, (await s.PeopleAsync(new DirectoryQuery(), ct: Ct)).Items.FirstOrDefault()?.Name))).First;

    private static async Task<string?> CouncilPersonNameAsync(PortalHost host)
    {
        var council = await CouncilAsync(host);
        await using var db = await host.NewDbContextAsync(Ct);
        var seat = await db.CouncilMembers.Where(m => m.CouncilId == council && m.PersonId != null).Select(m => m.PersonId).FirstAsync(Ct);
        return await db.People.Where(p => p.Id == seat).Select(p => p.Name).SingleAsync(Ct);
    }

    private static readonly Probe[] Probes =
    [
        new("lists", (h, q) => As<WorkItemService>(h, "secretary", async s =>
            Found(await s.ListAsync(new WorkItemQuery { Search = q }, Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("commitments", (h, q) => As<CommitmentService>(h, "secretary", async s =>
            Found(await s.ListCommitmentsAsync(new CommitmentQuery { Search = q }, Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("projects", (h, q) => As<ProjectService>(h, "secretary", async s =>
            Found(await s.ListAsync(new ProjectQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("resources", (h, q) => As<ResourceService>(h, "secretary", async s =>
            Found(await s.ListAsync(new ResourceQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("board needs", async (h, q) => await As<BoardService>(h, "resident", async s =>
            Found(await s.NeedsAsync(await CommunityAsync(h), new BoardQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("board projects", async (h, q) => await As<BoardService>(h, "resident", async s =>
            Found(await s.ProjectsAsync(await CommunityAsync(h), new BoardQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("board commitments", async (h, q) => await As<BoardService>(h, "resident", async s =>
            Found(await s.CommitmentsAsync(await CommunityAsync(h), new BoardQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("announcements", (h, q) => As<AnnouncementService>(h, "secretary", async s =>
            Found(await s.ListAsync(new AnnouncementQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Title))),
        new("people", (h, q) => As<PersonService>(h, "admin", async s =>
            Found(await s.PeopleAsync(new DirectoryQuery(q), ct: Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Name))),
        new("households", (h, q) => As<HouseholdService>(h, "admin", async s =>
            Found(await s.HouseholdsAsync(new DirectoryQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Building))),
        new("communities", (h, q) => As<GeographyService>(h, "admin", async s =>
            Found(await s.CommunitiesAsync(new DirectoryQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Name))),
        new("grids", (h, q) => As<GeographyService>(h, "admin", async s =>
            Found(await s.GridsAsync(new DirectoryQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Name))),
        new("buildings", (h, q) => As<GeographyService>(h, "admin", async s =>
            Found(await s.BuildingsAsync(new DirectoryQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Name))),
        new("units", (h, q) => As<UnitService>(h, "admin", async s =>
            Found(await s.UnitsAsync(new DirectoryQuery(q), ct: Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Name))),
        new("party organisations", (h, q) => As<UnitService>(h, "admin", async s =>
            Found(await s.PartyOrganizationsAsync(new DirectoryQuery(q), Ct), r => r.Total, r => r.Items.FirstOrDefault()?.Name))),
        new("person picker of a unit", (h, q) => As<PersonService>(h, "admin", async s =>
            Found(await s.PersonOptionsAsync(null, q, [], Ct), r => r.Count, r => r.FirstOrDefault()?.Name)), PersonNameAsync),
        new("person picker of a council seat", async (h, q) => await As<CouncilSetupService>(h, "secretary", async s =>
            Found(await s.PersonOptionsAsync(await CouncilAsync(h), q, [], Ct), r => r.Count, r => r.FirstOrDefault()?.Name)), CouncilPersonNameAsync),
        new("accounts", (h, q) => As<AccountAdministration>(h, "admin", async s =>
            Found(await s.ListAsync(new AccountQuery(q, 0, 20), Ct), r => r.Total, r => r.Rows.FirstOrDefault()?.DisplayName))),
        new("person picker of an account", (h, q) => As<AccountAdministration>(h, "admin", async s =>
            Found(await s.FindPeopleAsync(q, ct: Ct), r => r.Count, r => r.FirstOrDefault()?.Name)), PersonNameAsync),
        new("audit log", (h, q) => As<AuditLog>(h, "admin", async s =>
            Found(await s.QueryAsync(new AuditFilter(UserName: q), 0, 20, Ct), r => r.Total, r => r.Rows.FirstOrDefault()?.UserName))),
    ];

    /// <summary>
    /// Runs every search with a term as stored text holds it, the same term with a zero-width space inside and a NUL before
    /// it, and with a NUL alone: the hidden characters change nothing (a NUL alone is no term at all), and nothing throws.
    /// Fails once, naming every search that did not.
    /// </summary>
    public static async Task AssertHiddenCharactersChangeNoSearchAsync(PortalHost host)
    {
        var failures = new List<string>();
        foreach (var probe in Probes)
        {
            try
            {
                var everything = await probe.Run(host, null);
                var source = probe.Term is null ? everything.First : await probe.Term(host);
                Assert.False(string.IsNullOrEmpty(source), $"{probe.Name}: no row to take a term from");
                var term = source.Length < 2 ? source : source[..2];
                var plain = await probe.Run(host, term);
                Assert.True(plain.Total > 0, $"{probe.Name}: \"{term}\" finds nothing");

                var hidden = await probe.Run(host, "\0" + term[..1] + ZeroWidthSpace + term[1..]);
                var nul = await probe.Run(host, "\0");
                if (hidden.Total != plain.Total || nul.Total != everything.Total)
                    failures.Add($"{probe.Name}: \"{term}\" finds {plain.Total}, with hidden characters {hidden.Total}; no term finds {everything.Total}, a NUL {nul.Total}");
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                failures.Add($"{probe.Name}: {ex.GetType().Name}: {ex.GetBaseException().Message.Split('\n')[0]}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
