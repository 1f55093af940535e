using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.Text;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Directory;

/// <summary>
/// The directory forms' checks (required, too long, phone, area, duplicate) on the kit's <see cref="FieldProblems"/>, which
/// keeps each field's first problem. Field labels are DirectoryText "Field.{name}", so the message names the field as the
/// form shows it.
/// </summary>
internal sealed partial class FormChecks : FieldProblems
{

    /// <summary>"Owners[2].Phone" is labelled like any owner's phone ("Field.OwnersPhone").</summary>
    private static Message Label(string field) => Message.Of<DirectoryText>($"Field.{IndexPattern().Replace(field, string.Empty)}");

    [GeneratedRegex(@"\[\d+\]\.")]
    private static partial Regex IndexPattern();

    /// <summary>Checks a required text; returns it trimmed.</summary>
    public string Required(string field, string? value, int maxLength)
    {
        var trimmed = UserText.CollapsedLine(value);
        if (trimmed.Length == 0) Add(field, Message.Of<SharedText>("Common.Required", Label(field)));
        else if (trimmed.Length > maxLength) Add(field, Message.Of<SharedText>("Common.TooLong", Label(field), maxLength));
        return trimmed;
    }

    /// <summary>Checks an optional text; returns it trimmed, or null when empty.</summary>
    public string? Optional(string field, string? value, int maxLength)
    {
        var trimmed = UserText.CollapsedLine(value);
        if (trimmed.Length == 0) return null;
        if (trimmed.Length > maxLength) Add(field, Message.Of<SharedText>("Common.TooLong", Label(field), maxLength));
        return trimmed;
    }

    public string? Phone(string field, string? value)
    {
        var phone = Optional(field, value, DirectoryLimits.Phone);
        if (phone is not null && !DirectoryRules.IsValidPhone(phone)) Add(field, Message.Of<DirectoryText>("Validation.Phone", Label(field)));
        return phone;
    }

    public void Area(string field, decimal? area)
    {
        if (area is null) Add(field, Message.Of<SharedText>("Common.Required", Label(field)));
        else if (!DirectoryRules.IsValidArea(area.Value)) Add(field, Message.Of<DirectoryText>("Validation.Area", DirectoryLimits.MaxExclusiveArea));
    }

    /// <summary>An optional birth date: not before 1900, not after <paramref name="today"/>.</summary>
    public void BirthDate(string field, DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is { } date && !DirectoryRules.IsValidBirthDate(date, today))
            Add(field, Message.Of<DirectoryText>("Validation.BirthDate", DirectoryRules.EarliestBirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Duplicate(string field, string value) => Add(field, Duplicated(field, value));

    public void Missing(string field) => Add(field, Message.Of<SharedText>("Common.Required", Label(field)));

    /// <summary>"… already exists": the unique index's refusal too, when a race gets past the check.</summary>
    public static Message Duplicated(string field, string value) => Message.Of<DirectoryText>("Validation.Duplicate", Label(field), value);
}

/// <summary>Recognises database errors that a race past the service's own checks can still cause.</summary>
internal static class DatabaseErrors
{
    /// <summary>A unique index refused the row (SQLite error 19 / PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException?.Message is { } message
        && (message.Contains("UNIQUE constraint failed", StringComparison.OrdinalIgnoreCase) || message.Contains("23505", StringComparison.Ordinal));

    /// <summary>A foreign key refused a delete because other rows still point at this one.</summary>
    public static bool IsReferenced(DbUpdateException exception) =>
        exception.InnerException?.Message is { } message
        && (message.Contains("FOREIGN KEY constraint failed", StringComparison.OrdinalIgnoreCase) || message.Contains("23503", StringComparison.Ordinal));
}
