namespace Portal.Domain.Reporting;

/// <summary>
/// A phone number as shown to those who may not see it (decision 0039): the first three and last four digits of a
/// mobile number, the middle starred (138****5678), as Chinese sites show them; anything shorter than eight characters
/// keeps only its last two. Null or empty stays empty.
/// </summary>
public static class PhoneMask
{
    public static string Mask(string? phone)
    {
        var p = phone?.Trim() ?? "";
        if (p.Length == 0) return "";
        if (p.Length >= 8) return string.Concat(p.AsSpan(0, 3), new string('*', p.Length - 7), p.AsSpan(p.Length - 4));
        return new string('*', Math.Max(0, p.Length - 2)) + p[Math.Max(0, p.Length - 2)..];
    }
}
