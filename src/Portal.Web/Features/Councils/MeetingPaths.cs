namespace Portal.Web.Features.Councils;

/// <summary>
/// The addresses of a meeting's pages, for links from one council slice to a page of another (the meeting page links to
/// its topics, minutes and projector display; the approved minutes' tasks link back to them), so that no slice spells
/// another slice's address. The pages' <c>@page</c> templates say the same; <c>MeetingPathsTests</c> keeps them in step.
/// </summary>
public static class MeetingPaths
{
    public static string Meeting(int meetingId) => $"/councils/meetings/{meetingId}";

    public static string Topics(int meetingId) => $"{Meeting(meetingId)}/topics";

    public static string Minutes(int meetingId) => $"{Meeting(meetingId)}/minutes";

    public static string Display(int meetingId) => $"{Meeting(meetingId)}/display";
}
