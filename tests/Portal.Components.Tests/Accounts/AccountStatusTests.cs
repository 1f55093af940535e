using Portal.Domain.Access;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.Administration;

namespace Portal.Components.Tests.Accounts;

/// <summary>An account's status and what its administrator may do with it, by its state and by who looks.</summary>
public sealed class AccountStatusTests : PortalComponentTest
{
    internal static AccountRow Account(bool lockedOut = false, bool disabled = false, int paused = 0, bool canManage = true, bool isCaller = false) =>
        new("u1", "zhang", "张晓梅", null, null, lockedOut, disabled, null, paused,
            [new AccountRoleRow(1, new ScopedRole(PortalRole.Resident, ScopeKind.Community, 1), "青年湖社区", true)], canManage, isCaller);

    [Theory]
    [InlineData("zh-CN", false, false, "正常", "mud-chip-color-success")]
    [InlineData("zh-CN", true, false, "新设备已锁定", "mud-chip-color-warning")]
    [InlineData("zh-CN", false, true, "已停用", "mud-chip-color-error")]
    [InlineData("en", false, false, "Active", "mud-chip-color-success")]
    [InlineData("en", true, false, "Locked for new devices", "mud-chip-color-warning")]
    [InlineData("en", false, true, "Disabled", "mud-chip-color-error")]
    public void Each_state_has_its_word_and_colour(string culture, bool lockedOut, bool disabled, string text, string colour)
    {
        var status = RenderIn<AccountStatus>(culture, p => p.Add(s => s.Account, Account(lockedOut, disabled)));

        var chip = status.Find("[data-testid=account-status]");
        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Contains(colour, chip.ClassName);
        Assert.Empty(status.FindAll("[data-testid=account-paused]"));
    }

    [Theory]
    [InlineData("zh-CN", "2 个地址的新设备暂停登录")]
    [InlineData("en", "New devices paused at 2 address(es)")]
    public void An_active_account_paused_at_some_addresses_says_how_many(string culture, string paused)
    {
        var status = RenderIn<AccountStatus>(culture, p => p.Add(s => s.Account, Account(paused: 2)));

        Assert.Equal(culture == "en" ? "Active" : "正常", status.Find("[data-testid=account-status]").TextContent.Trim());
        Assert.Equal(paused, status.Find("[data-testid=account-paused]").TextContent.Trim());
    }

    [Fact]
    public void A_disabled_account_hides_that_it_was_also_paused()
    {
        var status = Render<AccountStatus>(p => p.Add(s => s.Account, Account(disabled: true, paused: 2)));

        Assert.Empty(status.FindAll("[data-testid=account-paused]"));
    }
}
