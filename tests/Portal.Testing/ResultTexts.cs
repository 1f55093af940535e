using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Kit.Results;

namespace Portal.Testing;

/// <summary>Reads a command's messages as the person would (the portal's own <see cref="ResultText"/>), so tests assert the real text.</summary>
public static class ResultTexts
{
    /// <summary>The text of the result's message for <paramref name="field"/> (the whole form's by default) in <paramref name="culture"/>; null when there is none.</summary>
    public static string? TextOf(this PortalHost host, Result result, string field = Problem.Form, string culture = "zh-CN")
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return host.Services.GetRequiredService<ResultText>().Of(result, field);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
