using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Kit.Results;

namespace Portal.Testing;

/// <summary>Reads a command's messages as the person would (the portal's own <see cref="ResultText"/>), so tests assert the real text.</summary>
public static class ResultTexts
{
    /// <summary>The text of the result's message for <paramref name="field"/> (the whole form's by default) in <paramref name="culture"/>; null when there is none.</summary>
    public static string? TextOf(this PortalHost host, Result result, string field = Problem.Form, string culture = "zh-CN") =>
        In(culture, formats: false, () => host.Services.GetRequiredService<ResultText>().Of(result, field));

    /// <summary>A message a service returned (a label, a reason) in <paramref name="culture"/>, dates and numbers formatted by it too.</summary>
    public static string TextOf(this PortalHost host, Message message, string culture = "zh-CN") =>
        In(culture, formats: true, () => host.Services.GetRequiredService<ResultText>()[message]);

    /// <summary>Reads in the culture's language (and, with <paramref name="formats"/>, its date and number formats too).</summary>
    private static T In<T>(string culture, bool formats, Func<T> read)
    {
        var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        if (formats) CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture;
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (previousUi, previous);
        }
    }
}
