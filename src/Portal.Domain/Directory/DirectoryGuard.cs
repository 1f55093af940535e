using System.Runtime.CompilerServices;

namespace Portal.Domain.Directory;

/// <summary>
/// What the directory's entities refuse outright. The forms and the import check the same limits first and say what is
/// wrong field by field (<see cref="DirectoryRules"/>, <see cref="DirectoryLimits"/>); reaching one of these is a bug.
/// </summary>
internal static class DirectoryGuard
{
    /// <summary>A text that must be there, within its limit.</summary>
    public static string Required(string value, int maxLength, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
            throw new ArgumentException($"{name} must have 1 to {maxLength} characters.", name);
        return value;
    }

    /// <summary>A text that may be missing (null), within its limit when there.</summary>
    public static string? Optional(string? value, int maxLength, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value is not null && value.Length > maxLength) throw new ArgumentException($"{name} must have at most {maxLength} characters.", name);
        return value;
    }

    /// <summary>A phone number that may be missing, written as <see cref="DirectoryRules.IsValidPhone"/> accepts.</summary>
    public static string? Phone(string? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value is not null && !DirectoryRules.IsValidPhone(value)) throw new ArgumentException($"{name} is not a phone number.", name);
        return value;
    }

    /// <summary>A row one refers to: a key of a stored row (not 0, which is "none" on the forms).</summary>
    public static int Key(int id, [CallerArgumentExpression(nameof(id))] string name = "")
    {
        if (id <= 0) throw new ArgumentOutOfRangeException(name, id, "A stored row is needed.");
        return id;
    }

    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string name = "") where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(name, value, "Not one of the known values.");
        return value;
    }
}
