using System.Globalization;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Localization;

namespace Portal.Web.Kit.Notifications;

/// <summary>
/// A notification stores one argument column; messages with more (a title and a note) keep them in it separated by the
/// ASCII unit separator, so the reader's language decides the wording when the bell shows it. Each part is cleaned as one
/// line by <see cref="UserText.SingleLine"/> first, which also removes any separator from it; the column is then stored as
/// written (it is marked verbatim). Titles are kept whole up to their maximum; a note gets the rest.
/// </summary>
public static class NotificationArguments
{
    public const char Separator = '\u001F';

    public static string Join(IReadOnlyList<string> args)
    {
        var budget = Notification.TextMaxLength - (args.Count - 1);
        var parts = new List<string>(args.Count);
        foreach (var arg in args)
        {
            var part = UserText.SingleLine(arg);
            // The title comes first and is at most a third of the column; a long note is cut to what is left.
            if (part.Length > budget) part = budget <= 1 ? part[..Math.Max(0, budget)] : part[..(budget - 1)] + "…";
            budget -= part.Length;
            parts.Add(part);
        }
        return string.Join(Separator, parts);
    }

    public static object[] Split(string? argument) => (argument ?? "").Split(Separator).Cast<object>().ToArray();

    /// <summary>A time as an argument: China time, stored as text so that it reads the same in either language.</summary>
    public static string LocalTime(DateTime utc) => PortalTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
