using Microsoft.AspNetCore.Components;
using Portal.Domain.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Staff;

namespace Portal.Components.Tests.VotingStaff;

/// <summary>The roll for staff: who voted, when and how — never a choice — and the place for the entry components.</summary>
public sealed class RollTableTests : PortalComponentTest
{
    private static readonly RenderFragment<RollRow> Entry = row => b => b.AddMarkupContent(0, $"<button data-testid=\"record\">{row.DisplayName}</button>");

    private static RollPage Page(int total = 2) => new(
    [
        new RollRow(1, "王芳", 87.34m, 3, new DateTime(2026, 12, 2, 2, 32, 0, DateTimeKind.Utc), BallotChannel.Paper, true),
        new RollRow(2, "李强", 60m, 3, null, null, true),
    ], total, 1, 50);

    [Fact]
    public void While_loading_it_spins()
    {
        var roll = Render<RollTable>(p => p.Add(r => r.Page, null));

        Assert.NotEmpty(roll.FindAll(".mud-progress-circular"));
        Assert.Empty(roll.FindAll("[data-testid=roll-table]"));
    }

    [Theory]
    [InlineData(null, "名册为空。")]
    [InlineData("张", "名册中没有符合的选民。")]
    public void An_empty_page_says_whether_the_roll_or_the_search_is_empty(string? search, string text)
    {
        var roll = Render<RollTable>(p => p.Add(r => r.Page, new RollPage([], 0, 1, 50)).Add(r => r.Search, search));

        Assert.Contains(text, roll.Find("[data-testid=roll-empty]").TextContent);
    }

    [Fact]
    public void Rows_show_when_and_how_each_elector_voted_and_nothing_of_what()
    {
        var roll = Render<RollTable>(p => p.Add(r => r.Page, Page()).Add(r => r.ShowArea, true));

        var rows = roll.FindAll("[data-testid=roll-row]");
        Assert.Equal("true", rows[0].GetAttribute("data-voted"));
        Assert.EndsWith("通过纸质票", rows[0].QuerySelector("[data-testid=roll-cast]")!.TextContent.Trim());
        Assert.Equal("未投票", rows[1].QuerySelector("[data-testid=roll-cast]")!.TextContent.Trim());
        Assert.Contains("87.34 平方米", rows[0].TextContent);
        Assert.DoesNotContain("同意", roll.Markup);
        Assert.DoesNotContain("选择", roll.Find("thead").TextContent);
    }

    [Fact]
    public void The_entry_place_offers_recording_only_for_electors_not_yet_voted_while_the_vote_is_open()
    {
        var open = Render<RollTable>(p => p.Add(r => r.Page, Page()).Add(r => r.CanRecord, true).Add(r => r.EntryActions, Entry));
        var closed = Render<RollTable>(p => p.Add(r => r.Page, Page()).Add(r => r.CanRecord, false).Add(r => r.EntryActions, Entry));
        var none = Render<RollTable>(p => p.Add(r => r.Page, Page()).Add(r => r.CanRecord, true));

        Assert.Equal(["李强"], open.FindAll("[data-testid=record]").Select(b => b.TextContent));
        Assert.Empty(closed.FindAll("[data-testid=record]"));
        Assert.Equal(2, closed.FindAll("[data-testid=roll-entry]").Count);
        Assert.Empty(none.FindAll("[data-testid=roll-entry]"));
        Assert.DoesNotContain("登记选票", none.Find("thead").TextContent);
    }

    [Fact]
    public void Paging_appears_when_the_roll_is_longer_than_a_page()
    {
        Assert.Empty(Render<RollTable>(p => p.Add(r => r.Page, Page(2))).FindAll("[data-testid=roll-paging]"));
        var long_ = Render<RollTable>(p => p.Add(r => r.Page, Page(120)));
        Assert.NotEmpty(long_.FindAll("[data-testid=roll-paging]"));
        Assert.Contains("共 120 人", long_.Markup);
    }
}
