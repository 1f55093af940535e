using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting;

/// <summary>The staff pages' queries: the managers' list, the draft form's pickers and values, the open preview, the staff view.</summary>
public sealed class VoteStaffQueriesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_list_finds_the_managers_votes_by_title_and_status_with_their_turnout()
    {
        var community = await CommunityAsync(Host);
        var title = "名单测试" + Guid.NewGuid().ToString("N")[..8];
        var building = await BuildingOfAsync(Host, "resident");
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting, title: title));
        var row = await RowOfAsync(Host, voteId, "resident");
        var cast = await As(Host, "secretary", s => s.CastAsync(Paper(voteId, row.Id, "P-1"), Ct));
        Assert.True(cast.Succeeded, Host.TextOf(cast));

        var open = await As(Host, "secretary", s => s.ListAsync(title, VoteStatus.Open, 1, 20, Ct));
        var drafts = await As(Host, "secretary", s => s.ListAsync(title, VoteStatus.Draft, 1, 20, Ct));

        var listed = Assert.Single(open!.Items);
        Assert.Equal((voteId, title, VoteStatus.Open, 1, (await RollAsync(Host, voteId)).Count), (listed.Id, listed.Title, listed.Status, listed.Participants, listed.EntitledCount));
        Assert.Equal(1, open.Total);
        Assert.Empty(drafts!.Items);
    }

    [Fact]
    public async Task A_resident_manages_nothing_and_is_told_nothing()
    {
        var community = await CommunityAsync(Host);
        var created = await As(Host, "secretary", s => s.CreateAsync(Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.ResidentsMeeting), Ct));

        Assert.Null(await As(Host, "resident", s => s.ListAsync(null, null, 1, 20, Ct)));
        Assert.Empty(await As(Host, "resident", s => s.ManagedCommunitiesAsync(Ct)));
        Assert.Empty(await As(Host, "resident", s => s.ScopeChoicesAsync(community, Ct)));
        Assert.Empty(await As(Host, "resident", s => s.RuleSetChoicesAsync(community, Ct)));
        Assert.NotEmpty(await As(Host, "secretary", s => s.RuleSetChoicesAsync(community, Ct)));
        Assert.Null(await As(Host, "resident", s => s.DraftAsync(created.Id, Ct)));
        Assert.Equal(ResultOutcome.NotAllowed, (await As(Host, "resident", s => s.RollPreviewAsync(created.Id, Ct))).Outcome);
    }

    [Fact]
    public async Task The_draft_form_gets_its_places_and_values_and_the_open_preview_counts_the_roll_it_will_freeze()
    {
        var community = await CommunityAsync(Host);
        var building = await BuildingOfAsync(Host, "resident");
        var form = Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.VillagersMeetingByHouseholds, title: "预览测试");
        var created = await As(Host, "secretary", s => s.CreateAsync(form, Ct));

        var places = await As(Host, "secretary", s => s.ScopeChoicesAsync(community, Ct));
        var draft = await As(Host, "secretary", s => s.DraftAsync(created.Id, Ct));
        var preview = await As(Host, "secretary", s => s.RollPreviewAsync(created.Id, Ct));
        var opened = await As(Host, "secretary", s => s.OpenAsync(created.Id, created.Version!.Value, Ct));
        var view = await As(Host, "secretary", s => s.StaffViewAsync(created.Id, Ct));

        Assert.Equal(new MatterScope(MatterScopeKind.Community, community), places[0].Scope);
        Assert.Contains(places, p => p.Scope == new MatterScope(MatterScopeKind.Building, building));
        Assert.Equal((form.Title, form.Scope, form.RuleSetCode, form.Channels, VoteStatus.Draft),
            (draft!.Form.Title, draft.Form.Scope, draft.Form.RuleSetCode, draft.Form.Channels, draft.Status));
        Assert.True(preview.Succeeded, Host.TextOf(preview));
        Assert.True(opened.Succeeded, Host.TextOf(opened));
        Assert.Equal(view!.EntitledCount, preview.Value!.Electors);
        Assert.Equal(ShippedRuleSets.VillagersMeetingByHouseholds.Pass, view.Rules.Pass);
        Assert.True(view.Summary.CanManage);
        Assert.Equal(ResultOutcome.Invalid, (await As(Host, "secretary", s => s.RollPreviewAsync(created.Id, Ct))).Outcome);
    }
}
