using Portal.Domain.Text;

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
    /// Checks a title and body as they will be stored (<see cref="UserText.CollapsedLine"/>, <see cref="NormalizeBody"/>): a title
    /// of spaces or of invisible characters is no title. The body keeps its leading spaces and blank lines, which carry
    /// meaning in Markdown, but a body with nothing visible is empty.
    /// </summary>
    public static IReadOnlyList<(string Field, AnnouncementProblem Problem)> Check(string? title, string? body)
    {
        var problems = new List<(string, AnnouncementProblem)>();
        var normalizedTitle = UserText.CollapsedLine(title);
        if (normalizedTitle.Length == 0) problems.Add((AnnouncementFields.Title, AnnouncementProblem.TitleRequired));
        else if (normalizedTitle.Length > Announcement.TitleMaxLength) problems.Add((AnnouncementFields.Title, AnnouncementProblem.TitleTooLong));

        var normalizedBody = NormalizeBody(body);
        if (normalizedBody.Length == 0) problems.Add((AnnouncementFields.Body, AnnouncementProblem.BodyRequired));
        else if (normalizedBody.Length > Announcement.BodyMaxLength) problems.Add((AnnouncementFields.Body, AnnouncementProblem.BodyTooLong));
        return problems;
    }

    /// <summary>Cleaned as lines (<see cref="UserText.MultiLine"/>: browsers send CRLF from a textarea), trailing whitespace removed.</summary>
    public static string NormalizeBody(string? body) => UserText.MultiLine(body).TrimEnd();
}
