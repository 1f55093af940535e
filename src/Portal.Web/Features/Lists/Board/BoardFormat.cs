using System.Globalization;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.Board;

/// <summary>How the board writes dates and scores: local (China) calendar days, since a public notice gives days, not times.</summary>
public static class BoardFormat
{
    public static string Date(DateTime? utc) =>
        utc is { } value ? PortalTime.ToLocal(value).ToString("d", CultureInfo.CurrentCulture) : "—";

    public static string Score(decimal score) => score.ToString("0.#", CultureInfo.CurrentCulture);
}
