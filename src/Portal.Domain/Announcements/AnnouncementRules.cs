namespace Portal.Domain.Announcements;

/// <summary>What can be wrong with an announcement as typed; the web layer words each one in the user's language.</summary>
public enum AnnouncementProblem
{
    TitleRequired,
    TitleTooLong,
    BodyRequired,
    BodyTooLong,
}

/// <summary>The fields a problem belongs to, so a form can show it next to the right input.</summary>
public static class AnnouncementFields
{
    public const string Community = "Community";
    public const string Title = "Title";
    public const string Body = "Body";
}

public static class AnnouncementRules
{
    /// <summary>
    /// Checks a title and body as typed. The title is trimmed (a title of spaces is no title); the body is kept as
    /// written, because leading spaces and blank lines carry meaning in Markdown, but a body of whitespace is empty.
    /// </summary>
    public static IReadOnlyList<(string Field, AnnouncementProblem Problem)> Check(string? title, string? body)
    {
        var problems = new List<(string, AnnouncementProblem)>();
        var trimmedTitle = NormalizeTitle(title);
        if (trimmedTitle.Length == 0) problems.Add((AnnouncementFields.Title, AnnouncementProblem.TitleRequired));
        else if (trimmedTitle.Length > Announcement.TitleMaxLength) problems.Add((AnnouncementFields.Title, AnnouncementProblem.TitleTooLong));

        if (string.IsNullOrWhiteSpace(body)) problems.Add((AnnouncementFields.Body, AnnouncementProblem.BodyRequired));
        else if (NormalizeBody(body).Length > Announcement.BodyMaxLength) problems.Add((AnnouncementFields.Body, AnnouncementProblem.BodyTooLong));
        return problems;
    }

    /// <summary>Trimmed, line breaks and runs of whitespace collapsed: a title is one line.</summary>
    public static string NormalizeTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? string.Empty : string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Line endings unified (browsers send CRLF from a textarea) and trailing whitespace removed.</summary>
    public static string NormalizeBody(string? body) =>
        string.IsNullOrWhiteSpace(body) ? string.Empty : body.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd();
}
