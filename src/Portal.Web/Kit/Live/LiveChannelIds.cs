using System.Globalization;

namespace Portal.Web.Kit.Live;

/// <summary>The one way channels of the form "{prefix}{id}" are named and read (community, lists, user channels...).</summary>
public static class LiveChannelIds
{
    public static string For(string prefix, int id) => prefix + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string channel, string prefix, out int id)
    {
        id = 0;
        if (!channel.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var digits = channel.AsSpan(prefix.Length);
        // Digits only: no sign, spaces or leading zeros, so one id has exactly one channel name (and one group).
        if (digits.Length is 0 or > 9 || digits[0] == '0') return false;
        foreach (var c in digits)
            if (c is < '0' or > '9') return false;
        id = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
