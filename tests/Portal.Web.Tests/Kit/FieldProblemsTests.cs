using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.Kit;

/// <summary>The one "problems per field" helper: one message per field, first kept unless a later check sets its own.</summary>
public sealed class FieldProblemsTests
{
    private static readonly Message First = Message.Of<SharedText>("Common.Required", "A");
    private static readonly Message Second = Message.Of<SharedText>("Common.TooLong", "A", 5);

    [Fact]
    public void No_problems_is_no_refusal()
    {
        var problems = new FieldProblems();

        Assert.False(problems.HasErrors);
        Assert.Null(problems.Refusal);
    }

    [Fact]
    public void Add_keeps_the_first_problem_of_a_field()
    {
        var problems = new FieldProblems();
        problems.Add("Title", First);
        problems.Add("Title", Second);
        problems.Add("Phone", Second);

        var refusal = Assert.IsType<Result>(problems.Refusal);
        Assert.Equal(Outcome.Invalid, refusal.Outcome);
        Assert.Equal(2, refusal.Problems.Count);
        Assert.Same(First, refusal.MessageOf("Title"));
        Assert.Same(Second, refusal.MessageOf("Phone"));
    }

    [Fact]
    public void Set_replaces_the_problem_of_a_field()
    {
        var problems = new FieldProblems();
        problems.Add("Title", First);
        problems.Set("Title", Second);

        Assert.Equal([new Problem("Title", Second)], problems.Problems);
    }

    [Fact]
    public void The_refusal_does_not_change_with_later_checks()
    {
        var problems = new FieldProblems<SharedText>();
        problems.Add("Title", "Common.Required", "A");
        var refusal = problems.Refusal!;
        problems.Add("Phone", "Common.Required", "B");

        Assert.Equal("Title", Assert.Single(refusal.Problems).Field);
        Assert.Equal("SharedText:Common.Required(A)", refusal.MessageOf("Title")!.ToString());
    }
}
