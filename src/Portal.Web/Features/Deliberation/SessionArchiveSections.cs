using Portal.Domain.Deliberation;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Deliberation;

/// <summary>The session whose archive is being written, as every section needs it.</summary>
public sealed record ArchivedSession(int Id, int CommunityId, int MatterId, string Title, MatterScope Scope);

/// <summary>
/// One slice's part of a session's archive document (议事档案, issue 13 item 11). The archive (the Sessions slice) writes
/// the matter, the template version and the timeline itself, then asks every registered section, in <see cref="Order"/>,
/// for its blocks — a level-1 heading and what the slice recorded (sign-ins, opinions, plan versions, the vote, the
/// notice, implementation, ratings). A slice registers its section with
/// <see cref="SessionArchiveSections.AddSessionArchiveSection{T}"/>; the archive names no slice (decision 0024).
/// <para>
/// The archive is for the community's managers (it checks before it asks); a section returns the slice's whole record
/// of the session, or nothing when it has none. Sections are called with the official Chinese culture
/// (<see cref="OfficialLanguage"/>): localized texts come out in Chinese whatever the reader's language.
/// </para>
/// </summary>
public interface ISessionArchiveSection
{
    /// <summary>Where the section goes: one of <see cref="SessionArchiveOrder"/>'s values (ties keep registration order).</summary>
    int Order { get; }

    /// <summary>The section's blocks for the session, or an empty list when the slice has nothing recorded for it.</summary>
    Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct);
}

/// <summary>The order of a session's record, as the procedures run: a section takes the value of what it records.</summary>
public static class SessionArchiveOrder
{
    public const int SignIns = 100;
    public const int Opinions = 200;
    public const int Plan = 300;
    public const int Vote = 400;
    public const int Notice = 500;
    public const int Implementation = 600;
    public const int Ratings = 700;
}

public static class SessionArchiveSections
{
    /// <summary>Registers a slice's part of the session archive (scoped, like the services it reads through).</summary>
    public static IServiceCollection AddSessionArchiveSection<TSection>(this IServiceCollection services) where TSection : class, ISessionArchiveSection =>
        services.AddScoped<ISessionArchiveSection, TSection>();
}

/// <summary>The pieces the archive's sections write alike.</summary>
public static class SessionArchiveBlocks
{
    /// <summary>One plain paragraph.</summary>
    public static DocumentParagraph Line(string text) => new([new DocumentRun(text)]);

    /// <summary>A stored (UTC) time as official documents write it, in China time: 2026年12月7日 10:32.</summary>
    public static string Time(DateTime utc) => OfficialLanguage.DateTime(PortalTime.ToLocal(utc));

    /// <summary>
    /// A resident's or a manager's Markdown as plain paragraphs: the marks removed (<see cref="SafeMarkdown.ToPlainText"/>),
    /// one paragraph per line of text, so nothing of the text is interpreted and nothing is lost.
    /// </summary>
    public static IEnumerable<DocumentParagraph> PlainParagraphs(string markdown) =>
        SafeMarkdown.ToPlainText(markdown).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Select(Line);
}
