using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using static Portal.Domain.Tests.Access.TestDirectory;

namespace Portal.Domain.Tests.Access;

/// <summary>
/// <see cref="WorkItemAccess"/> over every role × action × kind, against the tables below. The item lives in community A,
/// grid A1, is owned by unit A with unit B as co-owner, was raised by "u-raiser" for "u-requester", and is public.
/// </summary>
public sealed class WorkItemAccessTests
{
    private const int MemberPerson = 7, OtherMemberPerson = 8;

    /// <summary>The roles of the table, each a viewer built from a real access policy over the test directory.</summary>
    private static readonly Dictionary<string, WorkItemViewer> Roles = new()
    {
        ["requester"] = Viewer("u-requester", null, Role(PortalRole.Resident, ScopeKind.Community, CommunityA)),
        ["other resident"] = Viewer("u-resident", null, Role(PortalRole.Resident, ScopeKind.Community, CommunityA)),
        // Entered it on the requester's behalf, and holds no role there (any more): raising alone lets them follow it.
        ["raiser on behalf"] = Viewer("u-raiser", null, Role(PortalRole.Resident, ScopeKind.Community, CommunityC)),
        ["owner-unit liaison"] = Viewer("u-owner", null, Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitA)),
        ["co-owner liaison"] = Viewer("u-co", null, Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitB)),
        // A street-level unit: its liaison sees every community of the street, A included.
        ["other liaison"] = Viewer("u-liaison", null, Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitStreet1)),
        ["party member of the community"] = Viewer("u-member", MemberPerson, Role(PortalRole.PartyMember, ScopeKind.Community, CommunityA)),
        ["party member elsewhere"] = Viewer("u-member2", OtherMemberPerson, Role(PortalRole.PartyMember, ScopeKind.Community, CommunityC)),
        ["grid worker of the grid"] = Viewer("u-grid", null, Role(PortalRole.GridWorker, ScopeKind.Grid, GridA1)),
        ["grid worker of another grid"] = Viewer("u-grid2", null, Role(PortalRole.GridWorker, ScopeKind.Grid, GridA2)),
        ["secretary"] = Viewer("u-secretary", null, Role(PortalRole.CommunitySecretary, ScopeKind.Community, CommunityA)),
        ["street administrator"] = Viewer("u-admin", null, Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1)),
        ["anonymous"] = WorkItemViewer.Nobody,
    };

    private static readonly WorkItemAction[] Manage =
        [WorkItemAction.Triage, WorkItemAction.Reject, WorkItemAction.Dispatch, WorkItemAction.Close, WorkItemAction.Reopen, WorkItemAction.Chase];

    /// <summary>Who may take which action on a need, micro-wish, project, council task or grid event.</summary>
    private static readonly Dictionary<string, WorkItemAction[]> WorkActions = new()
    {
        ["requester"] = [WorkItemAction.Rate],
        ["other resident"] = [],
        ["raiser on behalf"] = [],
        ["owner-unit liaison"] = [WorkItemAction.Decline, WorkItemAction.Accept, WorkItemAction.Claim, WorkItemAction.AddProgress, WorkItemAction.ReportBack],
        ["co-owner liaison"] = [WorkItemAction.Claim, WorkItemAction.AddProgress],
        ["other liaison"] = [WorkItemAction.Claim],
        ["party member of the community"] = [WorkItemAction.Claim],
        ["party member elsewhere"] = [],
        ["grid worker of the grid"] = [],
        ["grid worker of another grid"] = [],
        ["secretary"] = Manage,
        ["street administrator"] = Manage,
        ["anonymous"] = [],
    };

    /// <summary>Who may take which action on a commitment: managers publish and assess, the committer fulfils.</summary>
    private static readonly Dictionary<string, WorkItemAction[]> CommitmentActions = new()
    {
        ["requester"] = [],
        ["other resident"] = [],
        ["raiser on behalf"] = [],
        ["owner-unit liaison"] = [WorkItemAction.Accept, WorkItemAction.AddProgress, WorkItemAction.ReportBack],
        ["co-owner liaison"] = [],
        ["other liaison"] = [],
        ["party member of the community"] = [],
        ["party member elsewhere"] = [],
        ["grid worker of the grid"] = [],
        ["grid worker of another grid"] = [],
        ["secretary"] = [.. Manage, WorkItemAction.Rate],
        ["street administrator"] = [.. Manage, WorkItemAction.Rate],
        ["anonymous"] = [],
    };

    /// <summary>Who sees a dispatched item: those it concerns and the community's managers.</summary>
    private static readonly string[] SeeDispatched =
    [
        "requester", "raiser on behalf", "owner-unit liaison", "co-owner liaison", "grid worker of the grid", "secretary", "street administrator",
    ];

    /// <summary>A triaged public item is open for claiming: the community's liaisons and Party members see it too.</summary>
    private static readonly string[] SeeClaimable = [.. SeeDispatched, "other liaison", "party member of the community"];

    /// <summary>A published commitment: everyone who can view community A (not the member and resident of community C).</summary>
    private static readonly string[] SeePublishedCommitment =
        [.. SeeDispatched, "other resident", "other liaison", "party member of the community", "grid worker of another grid"];

    public static TheoryData<WorkItemKind, string> KindsAndRoles()
    {
        var data = new TheoryData<WorkItemKind, string>();
        foreach (var kind in Enum.GetValues<WorkItemKind>())
            foreach (var role in Roles.Keys) data.Add(kind, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndRoles))]
    public void Every_action_is_allowed_exactly_to_the_roles_of_the_table(WorkItemKind kind, string role)
    {
        var item = Item(kind, WorkItemStatus.Dispatched);
        var expected = (kind == WorkItemKind.Commitment ? CommitmentActions : WorkActions)[role].Order().ToList();

        var allowed = Enum.GetValues<WorkItemAction>().Where(a => WorkItemAccess.May(Roles[role], item, a)).Order().ToList();

        Assert.Equal(expected, allowed);
    }

    [Theory]
    [MemberData(nameof(KindsAndRoles))]
    public void Who_sees_an_item_and_has_it_on_their_work_list_follows_the_table(WorkItemKind kind, string role)
    {
        var viewer = Roles[role];
        var dispatched = Item(kind, WorkItemStatus.Dispatched);
        var claimable = Item(kind, WorkItemStatus.Triaged);
        var rejected = Item(kind, WorkItemStatus.Rejected);

        var seesDispatched = (kind == WorkItemKind.Commitment ? SeePublishedCommitment : SeeDispatched).Contains(role);
        Assert.Equal(seesDispatched, WorkItemAccess.CanSee(viewer, dispatched));
        // Others' published commitments are for the commitments list, not the work list.
        Assert.Equal(SeeDispatched.Contains(role), InWorkList(viewer, dispatched));
        Assert.Equal(seesDispatched || SeeClaimable.Contains(role), WorkItemAccess.CanSee(viewer, claimable));
        Assert.Equal(SeeClaimable.Contains(role), InWorkList(viewer, claimable));
        // A rejected commitment is published to nobody.
        Assert.Equal(SeeDispatched.Contains(role), WorkItemAccess.CanSee(viewer, rejected));
    }

    [Fact]
    public void The_database_filter_is_the_in_memory_rule()
    {
        foreach (var kind in Enum.GetValues<WorkItemKind>())
        foreach (var status in Enum.GetValues<WorkItemStatus>())
        foreach (var isPublic in new[] { true, false })
        foreach (var viewer in Roles.Values)
        {
            var item = Item(kind, status, isPublic);
            Assert.Equal(WorkItemAccess.CanSee(viewer, item), WorkItemAccess.Visible(viewer).Compile()(item));
        }
    }

    [Fact]
    public void Liaisons_and_members_do_not_claim_an_item_that_is_not_public()
    {
        var item = Item(WorkItemKind.Need, WorkItemStatus.Triaged, isPublic: false);

        Assert.False(WorkItemAccess.May(Roles["other liaison"], item, WorkItemAction.Claim));
        Assert.False(WorkItemAccess.May(Roles["party member of the community"], item, WorkItemAction.Claim));
        Assert.False(WorkItemAccess.CanSee(Roles["other liaison"], item));
        Assert.False(WorkItemAccess.CanSee(Roles["party member of the community"], item));
    }

    [Fact]
    public void A_member_who_owns_an_item_sees_it_works_on_it_and_commits_to_it()
    {
        var member = Roles["party member of the community"];
        foreach (var kind in new[] { WorkItemKind.Need, WorkItemKind.Commitment })
        {
            var item = Item(kind, WorkItemStatus.Dispatched, isPublic: false, ownerUnitId: null, ownerPersonId: MemberPerson);

            Assert.True(WorkItemAccess.CanSee(member, item));
            Assert.True(WorkItemAccess.May(member, item, WorkItemAction.AddProgress));
            Assert.True(WorkItemAccess.May(member, item, WorkItemAction.ReportBack));
            Assert.False(WorkItemAccess.CanSee(Roles["party member elsewhere"], item));
        }
    }

    [Fact]
    public void The_secretary_commits_for_the_communitys_own_organisation_and_files_only_assessed_commitments()
    {
        var item = Item(WorkItemKind.Commitment, WorkItemStatus.Dispatched, ownerUnitId: null);
        var secretary = Roles["secretary"];

        Assert.True(WorkItemAccess.IsCommitter(secretary, item));
        Assert.True(WorkItemAccess.May(secretary, item, WorkItemAction.Accept));
        Assert.False(WorkItemAccess.IsCommitter(Roles["owner-unit liaison"], item));

        var reported = Item(WorkItemKind.Commitment, WorkItemStatus.Reported);
        Assert.False(WorkItemAccess.May(secretary, reported, WorkItemAction.Close));
        Assert.True(WorkItemAccess.May(secretary, reported, WorkItemAction.Rate));
    }

    [Fact]
    public void The_detail_pages_actions_are_those_the_state_machine_allows_now_and_the_caller_may_take()
    {
        var item = Item(WorkItemKind.Need, WorkItemStatus.Dispatched);

        Assert.Equal([WorkItemAction.Decline, WorkItemAction.Accept], WorkItemAccess.ActionsFor(Roles["owner-unit liaison"], item).Order());
        Assert.Equal([WorkItemAction.Dispatch, WorkItemAction.Chase], WorkItemAccess.ActionsFor(Roles["secretary"], item).Order());
        Assert.Empty(WorkItemAccess.ActionsFor(Roles["requester"], item));
    }

    private static bool InWorkList(WorkItemViewer viewer, WorkItem item) => WorkItemAccess.WorkList(viewer).Compile()(item);

    private static WorkItemViewer Viewer(string userId, int? personId, params ScopedRole[] roles) =>
        WorkItemViewer.Of(userId, personId, Policy(roles));

    private static WorkItem Item(WorkItemKind kind, WorkItemStatus status, bool isPublic = true, int? ownerUnitId = UnitA, int? ownerPersonId = null)
    {
        var item = new WorkItem
        {
            Kind = kind, Title = "楼道灯", Category = WorkItemCategories.Safety, RaisedByName = "网格员",
            CommunityId = CommunityA, GridId = GridA1, OwnerUnitId = ownerUnitId, OwnerPersonId = ownerPersonId, IsPublic = isPublic,
            RaisedByUserId = "u-raiser", RequesterUserId = "u-requester",
            CoOwners = [new WorkItemCoOwner { UnitId = UnitB }],
        };
        WorkItemTesting.SetStatus(item, status);
        return item;
    }
}
