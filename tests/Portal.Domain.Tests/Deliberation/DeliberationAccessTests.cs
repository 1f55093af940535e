using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Access.PortalRole;

namespace Portal.Domain.Tests.Deliberation;

/// <summary>
/// <see cref="DeliberationAccess"/> role × action over community 3 (street 1): who raises, manages, sees matters in each
/// status and the screening reason, completes a secretary's step, and edits which templates.
/// </summary>
public sealed class DeliberationAccessTests
{
    // Street 1 has communities 3 and 4; street 2 has 5. Grid 30 is in community 3, grid 40 in community 4.
    internal static readonly DirectoryScope Directory = new(
        new Dictionary<int, int> { [3] = 1, [4] = 1, [5] = 2 },
        new Dictionary<int, int> { [30] = 3, [40] = 4 },
        new Dictionary<int, (int, int?)>());

    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, ScopedRole?> Roles = new()
    {
        ["resident3"] = new(Resident, ScopeKind.Community, 3),
        ["resident4"] = new(Resident, ScopeKind.Community, 4),
        ["secretary3"] = new(CommunitySecretary, ScopeKind.Community, 3),
        ["secretary4"] = new(CommunitySecretary, ScopeKind.Community, 4),
        ["admin1"] = new(StreetAdministrator, ScopeKind.Street, 1),
        ["admin2"] = new(StreetAdministrator, ScopeKind.Street, 2),
        ["grid30"] = new(GridWorker, ScopeKind.Grid, 30),
        ["grid40"] = new(GridWorker, ScopeKind.Grid, 40),
        ["anonymous"] = null,
    };

    private static Caller CallerOf(string who) => Roles[who] is { } role
        ? new Caller(who, who, who, null, new AccessPolicy([role], Directory))
        : Caller.Anonymous;

    /// <summary>A matter of community 3 raised by "raiser" (nobody in the table), in the given status.</summary>
    private static Matter MatterIn(MatterStatus status)
    {
        var matter = Matter.RaiseByResident(3, new MatterScope(MatterScopeKind.Community, 3), "加装电梯", null, "raiser", Now).Matter!;
        var other = Matter.RaiseByResident(3, new MatterScope(MatterScopeKind.Community, 3), "另一个", null, "raiser", Now).Matter!;
        other.Id = 99;
        _ = status switch
        {
            MatterStatus.Accepted => matter.Accept("s", Now),
            MatterStatus.Declined => matter.Decline("理由", "s", Now),
            MatterStatus.Merged => matter.MergeInto(other, "理由", "s", Now),
            _ => null,
        };
        return matter;
    }

    //                       who          raise  manage see   seeRaised seeDeclined seeAccepted reason complete editCommunity editStreet
    [Theory]
    [InlineData("resident3",  true,  false, true,  false, false, true,  false, false, false, false)]
    [InlineData("resident4",  false, false, false, false, false, false, false, false, false, false)]
    [InlineData("secretary3", false, true,  true,  true,  true,  true,  true,  true,  true,  false)]
    [InlineData("secretary4", false, false, false, false, false, false, false, false, false, false)]
    [InlineData("admin1",     false, true,  true,  true,  true,  true,  true,  false, true,  true)]
    [InlineData("admin2",     false, false, false, false, false, false, false, false, false, false)]
    [InlineData("grid30",     false, false, true,  false, false, true,  false, false, false, false)]
    [InlineData("grid40",     false, false, false, false, false, false, false, false, false, false)]
    [InlineData("anonymous",  false, false, false, false, false, false, false, false, false, false)]
    public void Each_role_may_do_exactly_its_part(string who, bool raise, bool manage, bool see, bool seeRaised, bool seeDeclined,
        bool seeAccepted, bool seeReason, bool completeSecretaryStep, bool editCommunityTemplates, bool editStreetTemplates)
    {
        var caller = CallerOf(who);
        var secretaryStep = ProcedureStep.Of("定事", CommunitySecretary, null, EvidenceKind.Vote);

        Assert.Equal(raise, DeliberationAccess.CanRaise(caller.Policy, 3));
        Assert.Equal(manage, DeliberationAccess.CanManage(caller.Policy, 3));
        Assert.Equal(see, DeliberationAccess.CanSeeCommunity(caller.Policy, 3));
        Assert.Equal(seeRaised, DeliberationAccess.CanSeeMatter(caller, MatterIn(MatterStatus.Raised)));
        Assert.Equal(seeDeclined, DeliberationAccess.CanSeeMatter(caller, MatterIn(MatterStatus.Declined)));
        Assert.Equal(seeAccepted, DeliberationAccess.CanSeeMatter(caller, MatterIn(MatterStatus.Accepted)));
        Assert.Equal(seeAccepted, DeliberationAccess.CanSeeMatter(caller, MatterIn(MatterStatus.Merged)));
        Assert.Equal(seeReason, DeliberationAccess.CanSeeScreeningReason(caller, MatterIn(MatterStatus.Declined)));
        Assert.Equal(completeSecretaryStep, DeliberationAccess.CanCompleteStep(StepActor.For(caller, 3, Directory), secretaryStep));
        Assert.Equal(editCommunityTemplates, DeliberationAccess.CanEditTemplatesOf(caller.Policy, ScopeKind.Community, 3));
        Assert.Equal(editStreetTemplates, DeliberationAccess.CanEditTemplatesOf(caller.Policy, ScopeKind.Street, 1));
        Assert.False(DeliberationAccess.CanEditTemplatesOf(caller.Policy, null, null));
    }

    [Fact]
    public void The_raiser_sees_their_own_matter_and_its_reason_in_every_status()
    {
        var raiser = new Caller("raiser", "raiser", "居民", null, new AccessPolicy([new ScopedRole(Resident, ScopeKind.Community, 3)], Directory));

        foreach (var status in Enum.GetValues<MatterStatus>())
        {
            Assert.True(DeliberationAccess.CanSeeMatter(raiser, MatterIn(status)), status.ToString());
            Assert.True(DeliberationAccess.CanSeeScreeningReason(raiser, MatterIn(status)), status.ToString());
        }
    }

    [Theory]
    [InlineData("resident3", new[] { MatterStatus.Accepted, MatterStatus.Merged })]
    [InlineData("secretary3", new[] { MatterStatus.Raised, MatterStatus.Accepted, MatterStatus.Merged, MatterStatus.Declined })]
    [InlineData("resident4", new MatterStatus[0])]
    [InlineData("anonymous", new MatterStatus[0])]
    public void The_list_filter_agrees_with_the_single_check(string who, MatterStatus[] visible)
    {
        var caller = CallerOf(who);
        var filter = DeliberationAccess.VisibleMatters(caller).Compile();

        var seen = Enum.GetValues<MatterStatus>().Where(s => filter(MatterIn(s))).ToArray();

        Assert.Equal(visible, seen);
        Assert.All(Enum.GetValues<MatterStatus>(), s => Assert.Equal(DeliberationAccess.CanSeeMatter(caller, MatterIn(s)), filter(MatterIn(s))));
    }

    [Fact]
    public void A_grid_worker_completes_a_grid_workers_step_only_in_the_community_of_their_grid()
    {
        var step = ProcedureStep.Of("居民说事", GridWorker, null, EvidenceKind.Opinions);

        Assert.True(DeliberationAccess.CanCompleteStep(StepActor.For(CallerOf("grid30"), 3, Directory), step));
        Assert.False(DeliberationAccess.CanCompleteStep(StepActor.For(CallerOf("grid40"), 3, Directory), step));
        Assert.False(DeliberationAccess.CanCompleteStep(StepActor.For(CallerOf("secretary3"), 3, Directory), step));
    }
}
