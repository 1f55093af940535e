using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.Directory;

/// <summary>
/// Value rules shared by the administration forms and the CSV import, so a value accepted in one is accepted
/// in the other.
/// </summary>
public static partial class DirectoryRules
{
    /// <summary>
    /// Chinese mobiles (13812345678), landlines with area code (010-64211234, 0571 8888 6666 ext -12) and
    /// international numbers (+86 138...). Only digits, spaces, hyphens and a leading plus.
    /// </summary>
    public static bool IsValidPhone(string phone) =>
        phone.Length <= DirectoryLimits.Phone && PhonePattern().IsMatch(phone);

    /// <summary>True when the area is positive, at most <see cref="DirectoryLimits.MaxExclusiveArea"/> and has at most two decimals.</summary>
    public static bool IsValidArea(decimal area) =>
        area > 0 && area <= DirectoryLimits.MaxExclusiveArea && decimal.Round(area, 2) == area;

    /// <summary>Age of majority (成年, Civil Code art. 17): full years a resident needs to count as an adult in a roll.</summary>
    public const int AdultAge = 18;

    /// <summary>Earliest birth date accepted; earlier ones are typing errors.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>True when a birth date is not before <see cref="EarliestBirthDate"/> and not after <paramref name="today"/>.</summary>
    public static bool IsValidBirthDate(DateOnly birthDate, DateOnly today) => birthDate >= EarliestBirthDate && birthDate <= today;

    /// <summary>Parses an area as spreadsheets write it: "89.5", "89.50", "1,089.5", optionally followed by m² / ㎡ / 平方米.</summary>
    public static bool TryParseArea(string text, out decimal area)
    {
        var cleaned = text.Trim();
        foreach (var unit in (string[])["平方米", "平米", "m²", "m2", "㎡"])
        {
            if (cleaned.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                cleaned = cleaned[..^unit.Length].TrimEnd();
                break;
            }
        }
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out area);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,19}$")]
    private static partial Regex PhonePattern();
}
