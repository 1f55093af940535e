using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Voting;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Votes.Components.Resident;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes.Export;

/// <summary>
/// The 表决结果公告 of a closed vote, laid out for <see cref="DocumentWriter"/>: what was voted on, where and when, the rule
/// set applied (name and version), turnout by headcount (and area where the rule measures it), the ballots per option,
/// each condition's arithmetic exactly as the vote's pages show it (<see cref="VerdictText"/> over the stored verdict —
/// nothing is recounted here), the verdict, the notice period, and the seal and date lines.
/// </summary>
public static class VoteAnnouncement
{
    /// <summary>Everything the announcement says, read by <see cref="VotePapers"/>.</summary>
    /// <param name="Ballots">The published ballots' choices (named ballots, or the receipts of a secret vote).</param>
    /// <param name="AreaByChoice">The exclusive area behind each choice, for a rule that measures area (named ballots only).</param>
    /// <param name="Notice">The session's public notice of the decision, when one is published.</param>
    public sealed record Facts(
        Vote Vote, Verdict Verdict, string CommunityName, string ScopeName, DateTime ClosedAtUtc,
        IReadOnlyList<IReadOnlyList<int>> Ballots, IReadOnlyDictionary<int, decimal>? AreaByChoice, NoticeWindow? Notice);

    /// <summary>The notice's window, as local days.</summary>
    public sealed record NoticeWindow(DateOnly From, DateOnly To, int Days);

    /// <summary>The whole announcement: title, content and the seal and date lines.</summary>
    public static ExportDocument Document(Facts facts, IStringLocalizer<VotePapersText> t, IStringLocalizer<ResidentVoteText> words, ResultText texts) =>
        new(t["Announcement.Title"], Blocks(facts, t, words, texts), [t["Announcement.Seal", facts.CommunityName], t["Announcement.Date"]]);

    /// <summary>The content without title and seal (what the session archive carries under its own heading).</summary>
    public static IReadOnlyList<DocumentBlock> Blocks(Facts facts, IStringLocalizer<VotePapersText> t, IStringLocalizer<ResidentVoteText> words, ResultText texts)
    {
        var vote = facts.Vote;
        var verdict = facts.Verdict;
        var countsArea = verdict.RuleSet.CountingBase == CountingBase.OwnersByAreaAndHeadcount;
        var blocks = new List<DocumentBlock>
        {
            Line(t["Announcement.Opening", facts.CommunityName, Local(vote.OpenedAtUtc ?? vote.OpensAtUtc), Local(facts.ClosedAtUtc), vote.Title,
                facts.ScopeName, t[$"Announcement.Secrecy.{vote.Secrecy}"]]),
            new DocumentHeading(1, t["Announcement.Matter"]),
            Line(t["Announcement.Question", vote.Title]),
            Line(t["Announcement.Answer", Answer(vote, t, words)]),
            new DocumentHeading(1, t["Announcement.Rule"]),
            Line(t["Announcement.RuleName", vote.RuleSetName, vote.RuleSetVersion]),
        };
        blocks.AddRange(ResidentWords.Rule(words, verdict.RuleSet).Select(Line));

        blocks.Add(new DocumentHeading(1, t["Announcement.Turnout"]));
        var unit = t[verdict.RuleSet.CountingBase == CountingBase.Households ? "Announcement.Unit.Households" : "Announcement.Unit.Persons"];
        blocks.Add(Line(t["Announcement.TurnoutHeadcount", verdict.Entitled.Headcount, verdict.Participants.Headcount,
            VerdictText.Percent(verdict.Participants.Headcount, verdict.Entitled.Headcount), unit]));
        if (countsArea)
            blocks.Add(Line(t["Announcement.TurnoutArea", Area(verdict.Entitled.Area), Area(verdict.Participants.Area),
                VerdictText.Percent(verdict.Participants.Area, verdict.Entitled.Area)]));
        if (verdict.Present is { } present)
            blocks.Add(Line(t["Announcement.Present", present.Headcount, unit]));

        blocks.Add(new DocumentHeading(1, t["Announcement.Tally"]));
        blocks.Add(Tally(facts, countsArea, t, words));

        blocks.Add(new DocumentHeading(1, t["Announcement.Arithmetic"]));
        var lines = VerdictText.Lines(verdict, vote.Options, vote.QuestionKind == QuestionKind.Motion);
        if (lines.Count == 0) blocks.Add(Line(t["Announcement.NoConditions"]));
        blocks.AddRange(lines.Select((line, i) => new DocumentParagraph([new DocumentRun(texts[line])], $"{i + 1}.")));

        blocks.Add(new DocumentHeading(1, t["Announcement.Verdict"]));
        blocks.Add(new DocumentParagraph([new DocumentRun(t["Announcement.VerdictLine"]), new DocumentRun(texts[VerdictText.Plain(verdict.Outcome)], Bold: true)]));

        blocks.Add(new DocumentHeading(1, t["Announcement.Notice"]));
        blocks.Add(Line(facts.Notice is { } notice
            ? t["Announcement.NoticeWindow", OfficialLanguage.Date(notice.From), OfficialLanguage.Date(notice.To), notice.Days]
            : t["Announcement.NoticeDefault", Portal.Domain.Deliberation.PublicNotice.DefaultPeriodDays]));
        return blocks;
    }

    /// <summary>Ballots per choice (every option, as the result page counts them) and, where the rule measures it, their area.</summary>
    private static DocumentTable Tally(Facts facts, bool countsArea, IStringLocalizer<VotePapersText> t, IStringLocalizer<ResidentVoteText> words)
    {
        var vote = facts.Vote;
        var participants = facts.Verdict.Participants;
        List<ExportColumn> columns = [new(t["Tally.Choice"], 3), new(t["Tally.Ballots"], 1.2), new(t["Tally.BallotsShare"], 1.5)];
        if (countsArea) columns.AddRange([new(t["Tally.Area"], 1.6), new(t["Tally.AreaShare"], 1.5)]);
        var rows = ResultTally.Of(vote.QuestionKind, vote.Options.Length, facts.Ballots).Select(row =>
        {
            List<string> cells = [ResidentWords.Choice(words, vote.QuestionKind, vote.Options, row.Choice),
                row.Ballots.ToString(CultureInfo.InvariantCulture), VerdictText.Percent(row.Ballots, participants.Headcount)];
            if (countsArea)
            {
                var area = facts.AreaByChoice?.GetValueOrDefault(row.Choice) ?? 0m;
                cells.AddRange([Area(area), VerdictText.Percent(area, participants.Area)]);
            }
            return (IReadOnlyList<string>)cells;
        }).ToList();
        return new DocumentTable(columns, rows);
    }

    private static string Answer(Vote vote, IStringLocalizer<VotePapersText> t, IStringLocalizer<ResidentVoteText> words) =>
        vote.QuestionKind switch
        {
            QuestionKind.Motion => t["Announcement.Answer.Motion"],
            QuestionKind.OneOf => t["Announcement.Answer.OneOf", string.Join(words["Choice.Separator"], vote.Options)],
            _ => t["Announcement.Answer.UpTo", vote.MaxChoices, string.Join(words["Choice.Separator"], vote.Options)],
        };

    /// <summary>Square metres with their two decimals, as the roll stores them.</summary>
    public static string Area(decimal area) => area.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc) => OfficialLanguage.DateTime(PortalTime.ToLocal(utc));

    private static DocumentParagraph Line(string text) => new([new DocumentRun(text)]);
}
