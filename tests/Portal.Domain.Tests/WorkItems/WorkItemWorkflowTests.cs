using Portal.Domain.WorkItems;
using S = Portal.Domain.WorkItems.WorkItemStatus;
using A = Portal.Domain.WorkItems.WorkItemAction;

namespace Portal.Domain.Tests.WorkItems;

public sealed class WorkItemWorkflowTests
{
    // The lifecycle as the domain brief states it, written out independently of the workflow's own table.
    private static readonly (S From, A Action, S To)[] Allowed =
    [
        (S.Raised, A.Triage, S.Triaged),
        (S.Raised, A.Reject, S.Rejected),
        (S.Triaged, A.Dispatch, S.Dispatched),
        (S.Triaged, A.Reject, S.Rejected),
        (S.Triaged, A.Claim, S.InProgress),
        (S.Dispatched, A.Dispatch, S.Dispatched),
        (S.Dispatched, A.Accept, S.InProgress),
        (S.Dispatched, A.Decline, S.Triaged),
        (S.InProgress, A.AddProgress, S.InProgress),
        (S.InProgress, A.ReportBack, S.Reported),
        (S.Reported, A.AddProgress, S.Reported),
        (S.Reported, A.Close, S.Closed),
        (S.Rated, A.Close, S.Closed),
        (S.Closed, A.Reopen, S.InProgress),
        (S.Rejected, A.Reopen, S.Raised),
        .. new[] { S.Raised, S.Triaged, S.Dispatched, S.InProgress, S.Reported, S.Rated }
            .SelectMany(s => new[] { (s, A.Chase, s), (s, A.Escalate, s) }),
    ];

    public static TheoryData<S, A> EveryCombination()
    {
        var data = new TheoryData<S, A>();
        foreach (var status in Enum.GetValues<S>())
            foreach (var action in Enum.GetValues<A>().Where(a => a != A.Rate))
                data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Every_status_and_action_is_allowed_exactly_as_the_lifecycle_says(S from, A action)
    {
        var result = WorkItemWorkflow.Apply(from, action);
        var expected = Allowed.Where(t => t.From == from && t.Action == action).Select(t => (S?)t.To).SingleOrDefault();

        if (expected is { } to)
        {
            Assert.True(result.Allowed, $"{action} from {from} should be allowed");
            Assert.Equal(to, result.Status);
            Assert.Null(result.ErrorCode);
        }
        else
        {
            Assert.False(result.Allowed, $"{action} from {from} should be refused");
            Assert.Equal(from, result.Status);
            Assert.Equal(WorkItemWorkflow.NotAllowedInStatus, result.ErrorCode);
        }
    }

    [Theory]
    [InlineData(Satisfaction.Satisfied, S.Rated)]
    [InlineData(Satisfaction.FairlySatisfied, S.Rated)]
    [InlineData(Satisfaction.NotSatisfied, S.InProgress)]
    public void Rating_a_reported_item_rates_it_or_reopens_it_when_not_satisfied(Satisfaction rating, S expected)
    {
        var result = WorkItemWorkflow.Apply(S.Reported, A.Rate, rating);

        Assert.True(result.Allowed);
        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(S.Raised)]
    [InlineData(S.Triaged)]
    [InlineData(S.Dispatched)]
    [InlineData(S.InProgress)]
    [InlineData(S.Rated)]
    [InlineData(S.Closed)]
    [InlineData(S.Rejected)]
    public void Only_a_reported_item_can_be_rated(S from)
    {
        var result = WorkItemWorkflow.Apply(from, A.Rate, Satisfaction.Satisfied);

        Assert.False(result.Allowed);
        Assert.Equal(from, result.Status);
        Assert.Equal(WorkItemWorkflow.NotAllowedInStatus, result.ErrorCode);
    }

    [Fact]
    public void Rating_needs_a_valid_rating()
    {
        Assert.Equal(WorkItemWorkflow.RatingRequired, WorkItemWorkflow.Apply(S.Reported, A.Rate).ErrorCode);
        Assert.Equal(WorkItemWorkflow.RatingRequired, WorkItemWorkflow.Apply(S.Reported, A.Rate, (Satisfaction)99).ErrorCode);
    }

    [Fact]
    public void A_rating_on_another_action_is_refused()
    {
        var result = WorkItemWorkflow.Apply(S.InProgress, A.ReportBack, Satisfaction.Satisfied);

        Assert.False(result.Allowed);
        Assert.Equal(WorkItemWorkflow.RatingNotExpected, result.ErrorCode);
    }

    [Fact]
    public void The_full_loop_with_a_dissatisfied_rating_reaches_closed()
    {
        var status = S.Raised;
        (A Action, Satisfaction? Rating)[] steps =
        [
            (A.Triage, null), (A.Dispatch, null), (A.Accept, null), (A.AddProgress, null), (A.ReportBack, null),
            (A.Rate, Satisfaction.NotSatisfied), (A.AddProgress, null), (A.ReportBack, null),
            (A.Rate, Satisfaction.Satisfied), (A.Close, null),
        ];
        foreach (var (action, rating) in steps)
        {
            var result = WorkItemWorkflow.Apply(status, action, rating);
            Assert.True(result.Allowed, $"{action} from {status}");
            status = result.Status;
        }

        Assert.Equal(S.Closed, status);
        Assert.False(WorkItemWorkflow.IsOpen(status));
    }

    [Fact]
    public void Actions_offered_in_a_status_are_the_allowed_ones()
    {
        Assert.Equal([A.Reject, A.Dispatch, A.Claim, A.Chase, A.Escalate], WorkItemWorkflow.ActionsIn(S.Triaged));
        Assert.Equal([A.AddProgress, A.Rate, A.Close, A.Chase, A.Escalate], WorkItemWorkflow.ActionsIn(S.Reported));
        Assert.Equal([A.Reopen], WorkItemWorkflow.ActionsIn(S.Closed));
    }
}
