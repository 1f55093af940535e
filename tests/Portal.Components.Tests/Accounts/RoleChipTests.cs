using Portal.Domain.Access;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.Administration;

namespace Portal.Components.Tests.Accounts;

/// <summary>One role of an account: its name with the scope, and a revoke button only where the viewer may revoke.</summary>
public sealed class RoleChipTests : PortalComponentTest
{
    private static AccountRoleRow Secretary(bool canRevoke) =>
        new(7, new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, 3), "青年湖社区", canRevoke);

    [Theory]
    [InlineData("zh-CN", "社区书记（青年湖社区）", "撤销")]
    [InlineData("en", "Community secretary (青年湖社区)", "Revoke")]
    public void A_revocable_role_names_its_scope_and_offers_a_named_revoke_button(string culture, string label, string revoke)
    {
        var chip = RenderIn<RoleChip>(culture, p => p.Add(c => c.Role, Secretary(canRevoke: true)));

        Assert.Equal(label, chip.Find(".role-chip-text").TextContent.Trim());
        var button = chip.Find("button[data-testid=revoke-role]");
        Assert.Equal($"{revoke} {label}", button.GetAttribute("aria-label"));
        Assert.Equal(revoke, button.GetAttribute("title"));
    }

    [Fact]
    public void A_role_in_another_street_cannot_be_revoked_here()
    {
        var chip = Render<RoleChip>(p => p.Add(c => c.Role, Secretary(canRevoke: false)));

        Assert.Equal("社区书记（青年湖社区）", chip.Find(".role-chip-text").TextContent.Trim());
        Assert.Empty(chip.FindAll("[data-testid=revoke-role]"));
    }

    [Fact]
    public void Revoking_hands_the_role_to_the_page()
    {
        AccountRoleRow? revoked = null;
        var role = Secretary(canRevoke: true);
        var chip = Render<RoleChip>(p => p.Add(c => c.Role, role).Add(c => c.OnRevoke, r => revoked = r));

        chip.Find("[data-testid=revoke-role]").Click();

        Assert.Same(role, revoked);
    }
}
