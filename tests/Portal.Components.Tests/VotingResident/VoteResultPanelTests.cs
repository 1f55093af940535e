using Portal.Domain.Voting;
using Portal.Web.Features.Voting.Votes.Components.Resident;
using static Portal.Components.Tests.VotingResident.ResidentVoteTestData;

namespace Portal.Components.Tests.VotingResident;

/// <summary>The result after the close: the verdict with its arithmetic, the ballots per choice, who chose what or the receipts with a search.</summary>
public sealed class VoteResultPanelTests : PortalComponentTest
{
    private IRenderedComponent<VoteResultPanel> RenderResult(Secrecy secrecy) =>
        Render<VoteResultPanel>(p => p.Add(r => r.Summary, Summary(secrecy: secrecy, status: VoteStatus.Closed)).Add(r => r.Results, Results(secrecy)));

    [Fact]
    public void The_verdict_comes_with_its_arithmetic_and_the_ballots_per_choice()
    {
        var result = RenderResult(Secrecy.Named);

        Assert.Equal("通过", result.Find("[data-testid=result-verdict]").TextContent);
        Assert.Equal("Passed", result.Find("[data-testid=result-verdict]").GetAttribute("data-outcome"));
        Assert.Contains("60.0% > 1/2 ✓", result.Find("[data-testid=result-lines]").TextContent);
        Assert.Equal("同意3 票", result.Find("[data-testid=tally-0]").TextContent);
        Assert.Equal("反对1 票", result.Find("[data-testid=tally-1]").TextContent);
        Assert.Equal("弃权1 票", result.Find("[data-testid=tally-2]").TextContent);
        Assert.Equal("参加投票 5 人，有表决权 5 人", result.Find("[data-testid=result-turnout]").TextContent);
    }

    [Fact]
    public void A_named_vote_publishes_who_chose_what()
    {
        var result = RenderResult(Secrecy.Named);

        var rows = result.FindAll("[data-testid=named-row]").Select(r => r.TextContent).ToList();
        Assert.Equal(["王一同意", "李二同意", "张三同意", "赵四反对", "钱五弃权"], rows);
        Assert.Empty(result.FindAll("[data-testid=receipt-lookup]"));
    }

    [Fact]
    public void A_secret_vote_publishes_the_receipts_and_finds_the_residents_own_highlighted()
    {
        var result = RenderResult(Secrecy.Secret);

        Assert.Empty(result.FindAll("[data-testid=result-named]"));
        Assert.Equal(5, result.FindAll("[data-testid=receipt-row]").Count);
        Assert.All(result.FindAll("[data-testid=receipt-row]"), r => Assert.Equal("false", r.GetAttribute("data-hit")));

        result.Find("[data-testid=receipt-search]").Input("p4r5t6");

        var hit = Assert.Single(result.FindAll("[data-testid=receipt-row]"));
        Assert.Equal(("P4R5-T6U7", "反对"), (hit.QuerySelector(".receipt-row-code")!.TextContent, hit.QuerySelector(".receipt-row-choice")!.TextContent));
        Assert.Contains("receipt-hit", hit.ClassName);
        Assert.Equal("找到 1 条匹配的回执。", result.Find("[data-testid=receipt-search-status]").TextContent.Trim());
    }

    [Fact]
    public void A_receipt_not_in_the_list_says_so()
    {
        var result = RenderResult(Secrecy.Secret);

        result.Find("[data-testid=receipt-search]").Input("XXXX");

        Assert.Empty(result.FindAll("[data-testid=receipt-row]"));
        Assert.Contains("没有找到回执码“XXXX”", result.Find("[data-testid=receipt-search-status]").TextContent);
    }
}
