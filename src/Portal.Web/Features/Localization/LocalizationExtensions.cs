using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Web.Features.Localization;

/// <summary>Simplified Chinese by default, English switchable; the choice is remembered in a cookie.</summary>
public static class LocalizationExtensions
{
    public const string DefaultCulture = "zh-CN";
    public static readonly string[] SupportedCultures = [DefaultCulture, "en"];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // The one clock of the app (services read its UTC; MudBlazor's pickers read its "today", which must be China's).
        services.AddSingleton<TimeProvider>(PortalClock.Default);
        // The one way a command's message becomes text in the reader's language (decision 0023).
        services.AddSingleton<Kit.Results.ResultText>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(DefaultCulture)
                .AddSupportedCultures(SupportedCultures)
                .AddSupportedUICultures(SupportedCultures);
            // Only the user's explicit choice counts; a browser's Accept-Language does not switch the portal to English.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UsePortalLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>GET /culture/set?culture=en&amp;returnUrl=/path stores the choice and returns to the page.</summary>
    public static WebApplication MapPortalLocalization(this WebApplication app)
    {
        app.MapGet("/culture/set", (string? culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = SupportedCultures.Contains(culture) ? culture! : DefaultCulture;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//")
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        return app;
    }

    public static bool IsChinese => IsChineseCulture(CultureInfo.CurrentUICulture);

    public static bool IsChineseCulture(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";
}
