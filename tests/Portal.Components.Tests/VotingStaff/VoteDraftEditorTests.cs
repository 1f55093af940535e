using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Components.Staff;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.VotingStaff;

/// <summary>The draft form: the rule in words, why a secret vote is refused for area rules, options, messages under their fields.</summary>
public sealed class VoteDraftEditorTests : PortalComponentTest
{
    private static readonly IReadOnlyList<ScopeChoice> Scopes =
    [
        new(new MatterScope(MatterScopeKind.Community, 1), "幸福社区"),
        new(new MatterScope(MatterScopeKind.Building, 5), "3号楼"),
    ];

    /// <summary>The secret choice's input, wherever MudBlazor puts the test id (on the input or its label).</summary>
    private const string SecretRadio = "input[data-testid=vote-secrecy-Secret], [data-testid=vote-secrecy-Secret] input";

    private IRenderedComponent<VoteDraftEditor> Editor(VoteDraftModel model, IReadOnlyDictionary<string, string>? errors = null, bool isNew = true)
    {
        UsePopovers();
        return Render<VoteDraftEditor>(p => p.Add(e => e.Model, model).Add(e => e.Scopes, Scopes).Add(e => e.IsNew, isNew)
            .Add(e => e.Communities, [new ManagedCommunity(1, "幸福社区")]).Add(e => e.RuleSets, ShippedRuleSets.All)
            .Add(e => e.Errors, errors ?? new Dictionary<string, string>()));
    }

    [Fact]
    public void An_owners_rule_refuses_a_secret_vote_and_says_why()
    {
        var editor = Editor(new VoteDraftModel { CommunityId = 1, RuleSetCode = ShippedRuleSets.OwnersMajorMatters.Code });

        Assert.NotNull(editor.Find(SecretRadio).GetAttribute("disabled"));
        Assert.Contains("须记名表决", editor.Find("[data-testid=vote-secrecy-hint]").TextContent);
        Assert.Contains("专有面积3/4 以上（含本数）", editor.Find("[data-testid=rule-pass]").TextContent);
    }

    [Fact]
    public void A_headcount_rule_allows_a_secret_vote_and_explains_the_receipts()
    {
        var editor = Editor(new VoteDraftModel { CommunityId = 1, RuleSetCode = ShippedRuleSets.ResidentsMeeting.Code });

        Assert.Null(editor.Find(SecretRadio).GetAttribute("disabled"));
        Assert.Contains("回执码", editor.Find("[data-testid=vote-secrecy-hint]").TextContent);
    }

    [Fact]
    public void A_motion_has_fixed_options_and_one_of_n_asks_for_them()
    {
        var model = new VoteDraftModel { CommunityId = 1 };
        var editor = Editor(model);
        Assert.Empty(editor.FindAll("[data-testid=vote-option]"));

        model.Kind = QuestionKind.OneOf;
        editor.Render();
        Assert.Equal(2, editor.FindAll("[data-testid=vote-option]").Count);
        editor.Find("[data-testid=vote-option-add]").Click();
        Assert.Equal(3, editor.FindAll("[data-testid=vote-option]").Count);
        Assert.Empty(editor.FindAll("[data-testid=vote-max-choices]"));
    }

    [Fact]
    public void Messages_stand_under_their_fields_and_the_scope_is_fixed_once_the_draft_exists()
    {
        var editor = Editor(new VoteDraftModel { CommunityId = 1, Scope = Scopes[1].Scope, Title = "加装电梯" },
            new Dictionary<string, string> { [VoteDraftFields.Title] = "请填写标题。", [VoteDraftFields.ClosesAt] = "截止须晚于开始。" }, isNew: false);

        Assert.Equal("请填写标题。", editor.Find("[data-testid=vote-title-error]").TextContent);
        Assert.Equal("截止须晚于开始。", editor.Find("[data-testid=vote-closes-error]").TextContent);
        Assert.Empty(editor.FindAll("[data-testid=vote-form-error]"));
        Assert.Contains("创建后不能更改", editor.Markup);
        Assert.Equal("保存修改", editor.Find("[data-testid=vote-save]").TextContent.Trim());
    }

    [Fact]
    public void A_vote_rules_code_lands_under_its_field()
    {
        var texts = Services.GetRequiredService<ResultText>();
        var result = Result.Invalid([new Problem(Problem.Form, Message.Of<VotingText>(Vote.SecretNeedsHeadcount)),
            new Problem(VoteDraftFields.Scope, Message.Of<VotingText>("Vote.Error.ScopeNotInCommunity"))]);

        var errors = VoteDraftFields.ErrorsOf(result, texts);

        Assert.Equal([VoteDraftFields.Secrecy, VoteDraftFields.Scope], errors.Keys);
        Assert.Equal(VoteDraftFields.Form, VoteDraftFields.FieldOf("Vote.Error.MayNotManage"));
    }

    [Fact]
    public void The_model_round_trips_through_the_service_form_in_china_time()
    {
        var form = new VoteForm(1, new MatterScope(MatterScopeKind.Building, 5), "门禁", QuestionKind.UpTo, ["东门", "西门", "南门"], 2,
            ShippedRuleSets.ResidentsMeeting.Code, Secrecy.Secret, BallotChannels.Online | BallotChannels.Paper | BallotChannels.Proxy,
            new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc));

        var model = VoteDraftModel.From(form);
        var back = model.ToForm();

        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), model.OpensLocal);
        Assert.True(model.Proxy);
        Assert.Equal([BallotChannel.Online, BallotChannel.Paper], model.Channels.Order());
        Assert.Equal(form with { Options = back.Options }, back);
        Assert.Equal(form.Options, back.Options);
    }
}
