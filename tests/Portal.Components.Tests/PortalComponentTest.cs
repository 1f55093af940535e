using Portal.Web.Kit.Callers;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Portal.Domain.Access;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;

namespace Portal.Components.Tests;

/// <summary>
/// The base of every component test: the portal's own UI services (<see cref="UiExtensions.AddPortalUi"/>: MudBlazor with
/// its Chinese texts), the portal's localization and its real authorization policies, so a component renders here as it
/// does in the app. MudBlazor's JavaScript is not run (loose JS interop answers defaults); what needs a real browser —
/// layout at a screen size, live updates across two people, downloads — stays in Portal.Browser.Tests (decision 0020).
/// </summary>
public abstract class PortalComponentTest : BunitContext
{
    private readonly TestAuthenticationStateProvider _authentication = new();

    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPortalUi();
        Services.AddPortalLocalization();
        // The policies the pages and the navigation use, evaluated for real on the user's claims (in place of bUnit's
        // placeholders, which would only say yes or no as told).
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.RemoveAll<AuthenticationStateProvider>();
        Services.AddAuthorizationCore(PortalPolicies.Register);
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgeryStateProvider>();
        // The real clock unless a test stands it still (UseClock): components that show times and deadlines ask for it.
        Services.TryAddSingleton(TimeProvider.System);
        UseCulture(LocalizationExtensions.DefaultCulture);
    }

    /// <summary>Renders the component in the culture ("zh-CN" or "en"), as the page would for a user who chose it.</summary>
    protected IRenderedComponent<TComponent> RenderIn<TComponent>(string culture,
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null) where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        UseCulture(culture);
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>MudBlazor's popover host, into which selects, autocompletes, menus and tooltips open (MainLayout has one).</summary>
    protected IRenderedComponent<MudPopoverProvider> UsePopovers() => Render<MudPopoverProvider>();

    /// <summary>The dialog host (and the popovers its dialogs use), for components shown through <see cref="IDialogService"/>.</summary>
    protected IRenderedComponent<MudDialogProvider> UseDialogs()
    {
        UsePopovers();
        return Render<MudDialogProvider>();
    }

    /// <summary>Stands the clock still at <paramref name="utcNow"/> for what follows (countdowns, deadlines, "today").</summary>
    protected void UseClock(DateTime utcNow)
    {
        Services.RemoveAll<TimeProvider>();
        Services.AddSingleton<TimeProvider>(new FixedClock(utcNow));
    }

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }

    /// <summary>Renders what follows in the culture, as a request with the culture cookie would.</summary>
    protected static void UseCulture(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = info;
        CultureInfo.CurrentUICulture = info;
    }

    /// <summary>Renders what follows as <paramref name="user"/> (null: nobody signed in).</summary>
    protected void SignInAs(ClaimsPrincipal? user) => _authentication.User = user ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>A signed-in person with the display name and scoped roles that the sign-in cookie would carry.</summary>
    protected static ClaimsPrincipal Person(string displayName, params ScopedRole[] roles)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, displayName), new Claim(PortalClaims.DisplayName, displayName),
             .. roles.Select(r => new Claim(PortalClaims.ScopedRole, r.ToString()))],
            authenticationType: "Test");
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The people of the demo: street administrator, community secretary, resident.</summary>
    protected static class People
    {
        public static ClaimsPrincipal Admin => Person("街道管理员", new ScopedRole(PortalRole.StreetAdministrator, ScopeKind.Street, 1));
        public static ClaimsPrincipal Secretary => Person("社区书记", new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, 1));
        public static ClaimsPrincipal Resident => Person("居民张三", new ScopedRole(PortalRole.Resident, ScopeKind.Community, 1));

        public static ClaimsPrincipal? Named(string name) => name switch
        {
            "admin" => Admin,
            "secretary" => Secretary,
            "resident" => Resident,
            "anonymous" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
    {
        private ClaimsPrincipal _user = new(new ClaimsIdentity());

        public ClaimsPrincipal User
        {
            get => _user;
            set
            {
                _user = value;
                NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
            }
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
    }

    /// <summary>The form token a server-rendered page would carry; the real one needs an HTTP request.</summary>
    private sealed class TestAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public const string Token = "test-antiforgery-token";

        public override AntiforgeryRequestToken GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}
