using Portal.Domain.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Staff;

namespace Portal.Components.Tests.VotingStaff;

/// <summary>The verdict with its arithmetic and the published ballots (named or receipts), and the projector's board before and after close.</summary>
public sealed class VerdictAndDisplayTests : PortalComponentTest
{
    [Fact]
    public void The_verdict_shows_its_arithmetic_line_by_line()
    {
        var panel = Render<VerdictPanel>(p => p.Add(v => v.Results, VotingStaffData.Results(VotingStaffData.OwnersVerdict())));

        Assert.Equal("未通过", panel.Find("[data-testid=verdict-plain]").TextContent);
        Assert.Equal("Failed", panel.Find("[data-testid=vote-outcome]").GetAttribute("data-status"));
        Assert.Equal(
            ["参与面积 90.0% ≥ 2/3 ✓", "参与人数 66.7% ≥ 2/3 ✓", "同意面积占参与 66.7% ≥ 3/4 ✗", "同意人数占参与 50.0% ≥ 3/4 ✗"],
            panel.FindAll("[data-testid=verdict-line]").Select(l => l.TextContent));
    }

    [Fact]
    public void A_named_vote_publishes_who_chose_what()
    {
        var results = VotingStaffData.Results(VotingStaffData.OwnersVerdict(), named: [new NamedChoice("王芳", [0]), new NamedChoice("李强", [1])]);

        var panel = Render<VerdictPanel>(p => p.Add(v => v.Results, results).Add(v => v.Secrecy, Secrecy.Named).Add(v => v.Kind, QuestionKind.Motion));

        Assert.Equal(["王芳同意", "李强反对"], panel.FindAll("[data-testid=results-named-row]").Select(r => r.TextContent));
        Assert.Empty(panel.FindAll("[data-testid=results-receipts]"));
    }

    [Fact]
    public void A_secret_vote_publishes_receipt_codes_with_choices_and_no_names()
    {
        var results = VotingStaffData.Results(VotingStaffData.OwnersVerdict(), receipts: [new ReceiptChoice("ABCD2345EF", [0, 2]), new ReceiptChoice("XYZW6789GH", [])]);

        var panel = Render<VerdictPanel>(p => p.Add(v => v.Results, results).Add(v => v.Secrecy, Secrecy.Secret)
            .Add(v => v.Kind, QuestionKind.UpTo).Add(v => v.Options, ["东门", "西门", "南门"]));

        Assert.Equal(["ABCD2345EF东门、南门", "XYZW6789GH空白票"], panel.FindAll("[data-testid=results-receipt-row]").Select(r => r.TextContent));
        Assert.Empty(panel.FindAll("[data-testid=results-named]"));
    }

    [Fact]
    public void No_ballots_published_says_so_and_the_projector_lists_none()
    {
        var empty = Render<VerdictPanel>(p => p.Add(v => v.Results, VotingStaffData.Results(VotingStaffData.OwnersVerdict())));
        var projector = Render<VerdictPanel>(p => p.Add(v => v.Results, VotingStaffData.Results(VotingStaffData.OwnersVerdict(), named: [new NamedChoice("王芳", [0])]))
            .Add(v => v.ShowBallots, false));

        Assert.Equal("没有选票。", empty.Find("[data-testid=results-none]").TextContent);
        Assert.Empty(projector.FindAll("[data-testid=results-named-row]"));
        Assert.NotEmpty(projector.FindAll("[data-testid=verdict-line]"));
    }

    [Fact]
    public void The_board_of_a_draft_says_it_has_not_opened()
    {
        var board = Render<VoteDisplayBoard>(p => p.Add(b => b.Status, VoteStatus.Draft).Add(b => b.Rules, ShippedRuleSets.ResidentsMeeting)
            .Add(b => b.Turnout, new LiveTurnout()).Add(b => b.Summary, VotingStaffData.Summary(VoteStatus.Draft)));

        Assert.Equal("表决尚未开始。", board.Find("[data-testid=display-draft]").TextContent);
        Assert.Empty(board.FindAll("[data-testid=turnout]"));
    }

    [Fact]
    public void While_open_the_board_shows_turnout_and_the_on_site_qr_and_no_verdict()
    {
        var turnout = new LiveTurnout();
        turnout.Load(new VoteTurnout(40, 0m, 12, 0m, 3));

        var board = Render<VoteDisplayBoard>(p => p.Add(b => b.Status, VoteStatus.Open).Add(b => b.Rules, ShippedRuleSets.ResidentsMeeting)
            .Add(b => b.Turnout, turnout).Add(b => b.Summary, VotingStaffData.Summary(VoteStatus.Open, Secrecy.Secret))
            .Add(b => b.QrSvg, "<svg data-testid=\"qr-svg\"></svg>").Add(b => b.OnSiteUrl, "https://portal.example/votes/7/onsite"));

        Assert.Equal("12 / 40 人", board.Find("[data-testid=turnout-headcount-figures]").TextContent);
        Assert.Empty(board.FindAll("[data-testid=turnout-area]"));
        Assert.NotNull(board.Find("[data-testid=display-qr] [data-testid=qr-svg]"));
        Assert.Equal("https://portal.example/votes/7/onsite", board.Find("[data-testid=display-onsite-url]").TextContent);
        Assert.Empty(board.FindAll("[data-testid=verdict]"));
    }

    [Fact]
    public void After_close_the_board_shows_the_verdict_without_the_ballots()
    {
        var results = VotingStaffData.Results(VotingStaffData.OwnersVerdict(), named: [new NamedChoice("王芳", [0])]);

        var board = Render<VoteDisplayBoard>(p => p.Add(b => b.Status, VoteStatus.Closed).Add(b => b.Rules, ShippedRuleSets.OwnersMajorMatters)
            .Add(b => b.Turnout, new LiveTurnout()).Add(b => b.Summary, VotingStaffData.Summary(VoteStatus.Closed)).Add(b => b.Results, results));

        Assert.Equal("未通过", board.Find("[data-testid=verdict-plain]").TextContent);
        Assert.NotEmpty(board.FindAll("[data-testid=turnout-area]"));
        Assert.Empty(board.FindAll("[data-testid=results-named-row]"));
        Assert.Empty(board.FindAll("[data-testid=display-qr]"));
    }
}
