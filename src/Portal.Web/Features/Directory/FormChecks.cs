using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Directory;
using Portal.Domain.Text;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Directory;

/// <summary>
/// Collects localized validation messages field by field while a service checks a form. Field labels come from
/// DirectoryText "Field.{name}", so the message names the field as the form shows it.
/// </summary>
internal sealed partial class FormChecks(IStringLocalizer<DirectoryText> text, IStringLocalizer<SharedText> shared)
{
    private readonly Dictionary<string, string> _errors = [];

    public IReadOnlyDictionary<string, string> Errors => _errors;
    public bool HasErrors => _errors.Count > 0;

    /// <summary>"Owners[2].Phone" is labelled like any owner's phone ("Field.OwnersPhone").</summary>
    private string Label(string field) => text[$"Field.{IndexPattern().Replace(field, string.Empty)}"];

    [GeneratedRegex(@"\[\d+\]\.")]
    private static partial Regex IndexPattern();

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    /// <summary>Checks a required text; returns it trimmed.</summary>
    public string Required(string field, string? value, int maxLength)
    {
        var trimmed = UserText.CollapsedLine(value);
        if (trimmed.Length == 0) Add(field, shared["Common.Required", Label(field)]);
        else if (trimmed.Length > maxLength) Add(field, shared["Common.TooLong", Label(field), maxLength]);
        return trimmed;
    }

    /// <summary>Checks an optional text; returns it trimmed, or null when empty.</summary>
    public string? Optional(string field, string? value, int maxLength)
    {
        var trimmed = UserText.CollapsedLine(value);
        if (trimmed.Length == 0) return null;
        if (trimmed.Length > maxLength) Add(field, shared["Common.TooLong", Label(field), maxLength]);
        return trimmed;
    }

    public string? Phone(string field, string? value)
    {
        var phone = Optional(field, value, DirectoryLimits.Phone);
        if (phone is not null && !DirectoryRules.IsValidPhone(phone)) Add(field, text["Validation.Phone", Label(field)]);
        return phone;
    }

    public void Area(string field, decimal? area)
    {
        if (area is null) Add(field, shared["Common.Required", Label(field)]);
        else if (!DirectoryRules.IsValidArea(area.Value)) Add(field, text["Validation.Area", DirectoryLimits.MaxExclusiveArea]);
    }

    public void Duplicate(string field, string value) => Add(field, text["Validation.Duplicate", Label(field), value]);

    public void Missing(string field) => Add(field, shared["Common.Required", Label(field)]);
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
