using System.Globalization;
using Portal.Domain.Text;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The one way a value from the query string is read. Addresses are shared, bookmarked, typed by hand and put into
/// Markdown links, so a value that does not parse is ignored (null) — never a server error, and never the end of a
/// reader's circuit. Pages therefore bind query parameters as strings (<c>[SupplyParameterFromQuery] string?</c>)
/// and read them here: binding straight to <c>int?</c> throws on <c>?community=abc</c> while the page renders.
/// </summary>
public static class QueryValue
{
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>Longest search term read from an address; search boxes stop there too (<c>maxlength</c>).</summary>
    public const int SearchMaxLength = 200;

    /// <summary>A database id: digits only, greater than zero, within <see cref="int"/>.</summary>
    public static int? Id(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>A calendar year of four digits.</summary>
    public static int? Year(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999 ? year : null;

    /// <summary>A day written as yyyy-MM-dd.</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// A search term read by the one text rule (<see cref="UserText.SingleLineOrNull"/>, as <see cref="SearchTerm"/> reads
    /// every term): null when nothing is left or when longer than <see cref="SearchMaxLength"/>.
    /// </summary>
    public static string? Search(string? value) =>
        UserText.SingleLineOrNull(value) is { Length: <= SearchMaxLength } term ? term : null;

    /// <summary>1/true or 0/false.</summary>
    public static bool? Flag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => null,
    };

    /// <summary>An enum member by name, any case. Enum.TryParse alone would also take "3" or "1,2", which no link of ours writes.</summary>
    public static T? Enum<T>(string? value) where T : struct, System.Enum =>
        value is { Length: > 0 } && value.All(char.IsAsciiLetter) && System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : null;
}
