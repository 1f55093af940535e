using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Files;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting.Votes;

/// <summary>
/// Evidence files of staff ballots (paper scans, signature photos, proxy authorizations): real uploads stored through the
/// kit's <see cref="AttachmentStore"/> before the save, deleted when the ballot is refused, downloadable only by staff who
/// see the elector's roll row.
/// </summary>
public sealed class EvidenceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;
    private AttachmentStore Store => Host.Services.GetRequiredService<AttachmentStore>();

    private int StoredFiles() => Directory.Exists(Store.Directory) ? Directory.GetFiles(Store.Directory).Length : 0;

    private async Task<(int VoteId, List<VoteElector> Roll, int GridworkerGrid)> OpenAsync()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.OwnersOrdinaryMatters));
        var grid = await TestAccounts.DbAsync(Host, db => (from u in db.Users join r in db.RoleAssignments on u.Id equals r.UserId
            where u.UserName == "gridworker" select r.ScopeId).SingleAsync(Ct));
        return (voteId, await RollAsync(Host, voteId), grid);
    }

    [Fact]
    public async Task A_paper_scan_is_stored_and_only_staff_who_see_the_row_download_it_a_resident_never()
    {
        var (voteId, roll, grid) = await OpenAsync();
        var elector = roll.First(e => e.GridId == grid);
        var scan = Scan("选票扫描.jpg");

        var cast = await As(Host, "gridworker", s => s.CastAsync(Paper(voteId, elector.Id, "P-001") with { Evidence = scan }, Ct));
        Assert.True(cast.Succeeded, Host.TextOf(cast));

        var stored = await TestAccounts.DbAsync(Host, db => db.VoteParticipations.Where(p => p.VoteId == voteId && p.ElectorKey == elector.Key)
            .Select(p => p.EvidenceFile).SingleAsync(Ct));
        Assert.NotNull(stored);
        Assert.EndsWith(".jpg", stored);
        Assert.Equal(scan.Content, await File.ReadAllBytesAsync(Store.PathOf(stored), Ct));

        var url = VotesExtensions.EvidenceUrl(voteId, elector.Id);
        foreach (var user in new[] { "secretary", "gridworker" })
        {
            using var client = await PortalClient.SignedInAsync(Host.BaseAddress, user);
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(scan.Content, await response.Content.ReadAsByteArrayAsync(Ct));
        }
        foreach (var user in new[] { "resident", "resident2" })
        {
            using var client = await PortalClient.SignedInAsync(Host.BaseAddress, user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Ct)).StatusCode);
        }
        var (anonymous, _) = PortalClient.Create(Host.BaseAddress);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(url, Ct)).StatusCode);

        // The grid worker does not see the rows of other grids' electors, so not their files either.
        var outside = roll.First(e => e.GridId != grid);
        Assert.True((await As(Host, "secretary", s => s.CastAsync(Paper(voteId, outside.Id, "P-002"), Ct))).Succeeded);
        Assert.NotNull(await As(Host, "secretary", s => s.OpenEvidenceAsync(voteId, outside.Id, Ct)));
        Assert.Null(await As(Host, "gridworker", s => s.OpenEvidenceAsync(voteId, outside.Id, Ct)));
    }

    [Fact]
    public async Task A_refused_ballot_leaves_no_file_behind_and_a_file_that_is_not_what_it_claims_is_refused_on_its_field()
    {
        var (voteId, roll, _) = await OpenAsync();
        Assert.True((await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[0].Id, "N-1"), Ct))).Succeeded);
        var before = StoredFiles();

        // The same paper number for another elector: refused by the database after the file was written, which is deleted.
        var taken = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, roll[1].Id, "N-1"), Ct));
        Assert.Equal("这个纸质票编号已经录入过。", Host.TextOf(taken, nameof(CastCommand.PaperNumber)));
        // A second ballot for the first elector on another channel: refused, and its file deleted again.
        var second = await As(Host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.DoorToDoor, [0], roll[0].Id, Evidence: Scan()), Ct));
        Assert.Equal(ResultOutcome.Conflict, second.Outcome);
        Assert.Equal(before, StoredFiles());

        // An HTML page renamed to .jpg is no photo.
        var fake = new AttachmentUpload("签名.jpg", "<html><script>alert(1)</script>"u8.ToArray());
        var refused = await As(Host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.DoorToDoor, [0], roll[1].Id, Evidence: fake), Ct));
        Assert.Equal(ResultOutcome.Invalid, refused.Outcome);
        Assert.Contains("签名.jpg", Host.TextOf(refused, nameof(CastCommand.Evidence)));
        Assert.Equal(before, StoredFiles());
    }
}
