using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;

namespace Portal.Domain.Tests.WorkItems;

/// <summary>The one rules object per kind: what each kind does differently, in one table.</summary>
public sealed class WorkItemKindsTests
{
    [Fact]
    public void Every_kind_has_its_own_rules_object()
    {
        foreach (var kind in Enum.GetValues<WorkItemKind>()) Assert.Equal(kind, WorkItemKinds.For(kind).Kind);
        Assert.Equal(Enum.GetValues<WorkItemKind>().Length, WorkItemKinds.All.Select(r => r.GetType()).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkItemKinds.For((WorkItemKind)99));
    }

    [Fact]
    public void Only_commitments_are_published_to_everyone_needs_and_projects_link_to_topics_and_needs_become_projects()
    {
        Assert.Equal([WorkItemKind.Commitment], WorkItemKinds.PublishedToEveryone);
        Assert.Equal([WorkItemKind.Need, WorkItemKind.Project], WorkItemKinds.LinkableToCouncilTopic);
        Assert.Equal([WorkItemKind.Need, WorkItemKind.MicroWish], WorkItemKinds.BecomingProjects);
    }

    [Theory]
    [InlineData(WorkItemKind.Need, true, WorkItemKind.Need)]
    [InlineData(WorkItemKind.Need, false, WorkItemKind.MicroWish)]
    [InlineData(WorkItemKind.MicroWish, true, WorkItemKind.Need)]
    [InlineData(WorkItemKind.MicroWish, false, WorkItemKind.MicroWish)]
    [InlineData(WorkItemKind.Project, false, WorkItemKind.Project)]
    [InlineData(WorkItemKind.CouncilTask, false, WorkItemKind.CouncilTask)]
    [InlineData(WorkItemKind.Commitment, false, WorkItemKind.Commitment)]
    [InlineData(WorkItemKind.GridEvent, true, WorkItemKind.GridEvent)]
    public void Triage_turns_needs_into_shared_needs_or_micro_wishes_and_leaves_other_kinds(WorkItemKind kind, bool isShared, WorkItemKind after) =>
        Assert.Equal(after, WorkItemKinds.For(kind).KindAfterTriage(isShared));

    [Fact]
    public void A_commitment_refuses_the_plain_dispatch_and_rating_and_no_other_kind_refuses_a_step()
    {
        foreach (var kind in Enum.GetValues<WorkItemKind>())
        foreach (var action in Enum.GetValues<WorkItemAction>())
        {
            var expected = (kind, action) switch
            {
                (WorkItemKind.Commitment, WorkItemAction.Dispatch) => CommitmentKind.UsePublish,
                (WorkItemKind.Commitment, WorkItemAction.Rate) => CommitmentKind.ScoresRequired,
                _ => null,
            };
            Assert.Equal(expected, WorkItemKinds.For(kind).RefusesPlain(action));
        }
    }
}
