using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.Administration;
using static Portal.Components.Tests.Accounts.AccountStatusTests;

namespace Portal.Components.Tests.Accounts;

/// <summary>What an administrator is offered for one account, by its state, and which account each button hands on.</summary>
public sealed class AccountActionsTests : PortalComponentTest
{
    private static string[] Offered(IRenderedComponent<AccountActions> actions) =>
        actions.FindAll("[data-testid]").Select(e => e.GetAttribute("data-testid")!).Order().ToArray();

    [Fact]
    public void An_active_account_can_have_its_password_reset_a_person_linked_and_be_disabled()
    {
        var actions = Render<AccountActions>(p => p.Add(a => a.Account, Account()));

        Assert.Equal(["disable", "link-person", "reset-password"], Offered(actions));
        Assert.Equal("重置密码", actions.Find("[data-testid=reset-password]").GetAttribute("aria-label"));
        Assert.Equal("关联人员", actions.Find("[data-testid=link-person]").GetAttribute("aria-label"));
        Assert.Equal("停用", actions.Find("[data-testid=disable]").TextContent.Trim());
    }

    [Fact]
    public void The_administrators_own_account_cannot_be_disabled_by_them()
    {
        var actions = Render<AccountActions>(p => p.Add(a => a.Account, Account(isCaller: true)));

        Assert.Equal(["link-person", "reset-password"], Offered(actions));
    }

    [Theory]
    [InlineData("zh-CN", true, 0, "解锁")]
    [InlineData("zh-CN", false, 3, "解锁")]
    [InlineData("en", true, 0, "Unlock")]
    public void A_locked_or_paused_account_can_be_unlocked(string culture, bool lockedOut, int paused, string unlock)
    {
        var actions = RenderIn<AccountActions>(culture, p => p.Add(a => a.Account, Account(lockedOut: lockedOut, paused: paused)));

        Assert.Equal(["disable", "link-person", "reset-password", "unlock"], Offered(actions));
        Assert.Equal(unlock, actions.Find("[data-testid=unlock]").TextContent.Trim());
    }

    [Fact]
    public void A_disabled_account_is_enabled_rather_than_unlocked_or_disabled()
    {
        var actions = Render<AccountActions>(p => p.Add(a => a.Account, Account(lockedOut: true, disabled: true, paused: 1)));

        Assert.Equal(["enable", "link-person", "reset-password"], Offered(actions));
        Assert.Equal("启用", actions.Find("[data-testid=enable]").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "该账号在其他街道也有角色，只能由各街道分别授予或撤销角色。")]
    [InlineData("en", "This account also holds roles in another street; you can only grant or revoke roles of your own street.")]
    public void An_account_of_several_streets_offers_nothing_but_says_why(string culture, string why)
    {
        var actions = RenderIn<AccountActions>(culture, p => p.Add(a => a.Account, Account(canManage: false)));

        Assert.Equal(["account-elsewhere"], Offered(actions));
        Assert.Equal(why, actions.Find("[data-testid=account-elsewhere]").TextContent.Trim());
    }

    [Fact]
    public void Each_button_hands_its_account_to_the_page()
    {
        var account = Account(lockedOut: true);
        var calls = new List<string>();
        var actions = Render<AccountActions>(p => p
            .Add(a => a.Account, account)
            .Add(a => a.OnResetPassword, (AccountRow r) => calls.Add("reset:" + r.UserName))
            .Add(a => a.OnLinkPerson, (AccountRow r) => calls.Add("link:" + r.UserName))
            .Add(a => a.OnUnlock, (AccountRow r) => calls.Add("unlock:" + r.UserName))
            .Add(a => a.OnDisable, (AccountRow r) => calls.Add("disable:" + r.UserName)));

        foreach (var id in new[] { "reset-password", "link-person", "unlock", "disable" })
            actions.Find($"[data-testid={id}]").Click();

        Assert.Equal(["reset:zhang", "link:zhang", "unlock:zhang", "disable:zhang"], calls);
    }
}
