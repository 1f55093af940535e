using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

public sealed class UserMenuTests : PortalComponentTest
{
    [Theory]
    [InlineData("zh-CN", "退出登录")]
    [InlineData("en", "Sign out")]
    public void A_signed_in_person_sees_their_name_and_a_sign_out_that_posts_with_the_form_token(string culture, string signOut)
    {
        UseCulture(culture);
        SignInAs(People.Secretary);

        var menu = Render<UserMenu>();

        Assert.Contains("社区书记", menu.Find("[data-testid=user-menu]").TextContent);
        var form = menu.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/account/logout", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]"));
        var button = menu.Find("[data-testid=logout]");
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Equal("/account/logout", button.Closest("form")?.GetAttribute("action"));
        Assert.Equal(signOut, button.TextContent.Trim());
        // On a phone only the icon shows: the button keeps its name for screen readers and a tooltip.
        Assert.Equal(signOut, button.GetAttribute("aria-label"));
        Assert.Equal(signOut, button.GetAttribute("title"));
    }

    [Theory]
    [InlineData("zh-CN", "登录")]
    [InlineData("en", "Sign in")]
    public void Nobody_signed_in_is_offered_the_sign_in_page_and_no_sign_out(string culture, string signIn)
    {
        UseCulture(culture);
        SignInAs(null);

        var menu = Render<UserMenu>();

        var link = menu.Find("[data-testid=sign-in-link]");
        Assert.Equal("/account/login", link.GetAttribute("href"));
        Assert.Equal(signIn, link.TextContent.Trim());
        Assert.Empty(menu.FindAll("[data-testid=logout]"));
        Assert.Empty(menu.FindAll("[data-testid=user-menu]"));
    }
}
