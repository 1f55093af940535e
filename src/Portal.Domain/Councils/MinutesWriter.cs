using System.Globalization;
using System.Text;

namespace Portal.Domain.Councils;

/// <summary>
/// Which text of a meeting's minutes a reader gets (decision 0016). <see cref="Full"/>: the record as the recorder wrote and
/// approved it, for those who take part in the council's meetings. <see cref="Public"/>: for whoever may view the council
/// but not take part (residents): the same document with attendance as figures and absent units only — no person's
/// attendance, no reason for leave, no discussion notes.
/// </summary>
public enum MinutesEdition
{
    Full = 1,
    Public = 2,
}

/// <summary>A person on the attendance list, with names already resolved by the caller.</summary>
public sealed record MinutesAttendee(string Name, string? UnitName, bool IsExpected, bool IsPresent, string? LeaveReason = null);

/// <summary>An agenda item as discussed, in agenda order.</summary>
public sealed record MinutesItem(string Title, DateTime? ActualStartUtc, DateTime? ActualEndUtc, string? Outcome, string? Notes, bool IsUrgent);

/// <summary>A decision with its owner unit, co-owner units and local deadline.</summary>
public sealed record MinutesResolution(string Decision, string OwnerUnitName, IReadOnlyList<string> CoOwnerUnitNames, DateOnly DueDate);

/// <summary>Everything the minutes are written from: the meeting's record, with names resolved.</summary>
public sealed record MinutesRecord(
    string CouncilName,
    string MeetingTitle,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Location,
    string? ChairName,
    string? RecorderName,
    IReadOnlyList<MinutesAttendee> Attendees,
    IReadOnlyList<MinutesItem> Items,
    IReadOnlyList<MinutesResolution> Resolutions)
{
    /// <summary>
    /// The record of a stored meeting: actual start and end when recorded (else the planned ones), attendance, agenda items
    /// in their final order, resolutions in the order they were made. Names come from the caller's directory look-ups; an
    /// id missing from them shows as "#id" rather than failing, so a deleted person cannot block the minutes.
    /// </summary>
    public static MinutesRecord FromMeeting(Meeting meeting, string councilName, string? location,
        IReadOnlyDictionary<int, string> personNames, IReadOnlyDictionary<int, string> unitNames)
    {
        string Person(int id) => personNames.GetValueOrDefault(id) ?? $"#{id}";
        string Unit(int id) => unitNames.GetValueOrDefault(id) ?? $"#{id}";
        return new MinutesRecord(
            councilName,
            meeting.Title,
            meeting.StartedAtUtc ?? meeting.StartsAtUtc,
            meeting.EndedAtUtc ?? meeting.EndsAtUtc,
            meeting.Location ?? location,
            meeting.ChairPersonId is { } chair ? Person(chair) : null,
            meeting.RecorderPersonId is { } recorder ? Person(recorder) : null,
            meeting.Attendances.OrderBy(a => a.Id)
                .Select(a => new MinutesAttendee(Person(a.PersonId), a.UnitId is { } u ? Unit(u) : null, a.IsExpected, a.IsPresent, a.LeaveReason))
                .ToList(),
            meeting.AgendaItems.OrderBy(i => i.Position)
                .Select(i => new MinutesItem(i.Title, i.ActualStartUtc, i.ActualEndUtc, i.Outcome, i.Notes, i.IsUrgent))
                .ToList(),
            meeting.Resolutions.OrderBy(r => r.Id)
                .Select(r => new MinutesResolution(r.Decision, Unit(r.OwnerUnitId), r.CoOwners.Select(c => Unit(c.UnitId)).ToList(), r.DueDate))
                .ToList());
    }
}

/// <summary>
/// Writes the Markdown minutes (会议纪要) from a recorded meeting: the recorder's draft (<see cref="MinutesEdition.Full"/>), or
/// the public version (<see cref="MinutesEdition.Public"/>) that readers outside the meeting get instead of the approved
/// text, which may name anyone. Deterministic: same record, same text — no
/// clock, no culture of the server (dates are written in the Chinese form by hand), times in the zone passed in. The
/// recorder edits the draft and approves it; the Word document is made from the approved text, so this is the one place
/// that decides the minutes' structure. The minutes are an official Chinese document, so the text is Chinese whatever
/// the reader's UI language.
/// </summary>
public static class MinutesWriter
{
    /// <summary>The line the public version opens with, so its reader knows what it leaves out.</summary>
    public const string PublicNotice = "本纪要为公开版：出席情况只列人数和缺席单位，不列参会人员名单、请假事由和讨论记录（主持人、记录人和督办人按职责列出）。";

    public static string Draft(MinutesRecord r, TimeZoneInfo zone, MinutesEdition edition = MinutesEdition.Full)
    {
        var isPublic = edition == MinutesEdition.Public;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Line(r.CouncilName)).Append("会议纪要\n\n");
        sb.Append("**").Append(Line(r.MeetingTitle)).Append("**\n\n");
        if (isPublic) sb.Append("> ").Append(PublicNotice).Append("\n\n");

        var start = Local(r.StartsAtUtc, zone);
        var end = Local(r.EndsAtUtc, zone);
        sb.Append("- 会议时间：").Append(Date(DateOnly.FromDateTime(start))).Append(' ').Append(Time(start)).Append('—');
        // A meeting that runs past midnight says so rather than printing an end time that looks earlier than the start.
        if (end.Date != start.Date) sb.Append(Date(DateOnly.FromDateTime(end))).Append(' ');
        sb.Append(Time(end)).Append('\n');
        sb.Append("- 会议地点：").Append(OrNone(r.Location)).Append('\n');
        sb.Append("- 主持人：").Append(OrNone(r.ChairName)).Append('\n');
        sb.Append("- 记录人：").Append(OrNone(r.RecorderName)).Append('\n');

        var expected = r.Attendees.Count(a => a.IsExpected);
        var present = r.Attendees.Count(a => a.IsExpected && a.IsPresent);
        var rate = new AttendanceFigures(expected, present, 0).RatePercent;
        sb.Append("- 应到：").Append(expected).Append("人；实到：").Append(present).Append("人；出席率：")
            .Append(rate is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—").Append('\n');
        if (isPublic) AppendPublicAttendance(sb, r.Attendees);
        else AppendAttendance(sb, r.Attendees);

        sb.Append(isPublic ? "\n## 议题及结论\n" : "\n## 议题及讨论情况\n");
        if (r.Items.Count == 0) sb.Append("\n无。\n");
        for (var i = 0; i < r.Items.Count; i++)
        {
            var item = r.Items[i];
            sb.Append("\n### ").Append(ChineseNumber(i + 1)).Append('、').Append(Line(item.Title));
            if (item.IsUrgent) sb.Append("（临时议题）");
            sb.Append("\n\n");
            sb.Append("- 时间：");
            if (item.ActualStartUtc is { } s)
                sb.Append(Time(Local(s, zone))).Append('—').Append(item.ActualEndUtc is { } e ? Time(Local(e, zone)) : "未记录");
            else sb.Append("未讨论");
            sb.Append('\n');
            // The discussion notes are the recorder's free text (who said what): the participants' record only.
            if (!isPublic) sb.Append("- 讨论情况：").Append(Block(item.Notes)).Append('\n');
            sb.Append("- 结论：").Append(Block(item.Outcome)).Append('\n');
        }

        sb.Append("\n## 会议决定事项\n");
        if (r.Resolutions.Count == 0) sb.Append("\n无。\n");
        else sb.Append('\n');
        for (var i = 0; i < r.Resolutions.Count; i++)
        {
            var d = r.Resolutions[i];
            sb.Append(i + 1).Append(". ").Append(Line(d.Decision)).Append('\n');
            sb.Append("   - 责任单位：").Append(Line(d.OwnerUnitName)).Append('\n');
            sb.Append("   - 协办单位：").Append(d.CoOwnerUnitNames.Count == 0 ? "无" : string.Join("、", d.CoOwnerUnitNames.Select(Line))).Append('\n');
            sb.Append("   - 完成时限：").Append(Date(d.DueDate)).Append('\n');
        }
        return sb.ToString();
    }

    private static void AppendAttendance(StringBuilder sb, IReadOnlyList<MinutesAttendee> attendees)
    {
        sb.Append("- 出席人员：").Append(Names(attendees.Where(a => a.IsExpected && a.IsPresent))).Append('\n');
        var onLeave = attendees.Where(a => a.IsExpected && !a.IsPresent && !string.IsNullOrWhiteSpace(a.LeaveReason)).ToList();
        if (onLeave.Count > 0)
            sb.Append("- 请假人员：").Append(string.Join("、", onLeave.Select(a => Person(a) + "（" + Line(a.LeaveReason!) + "）"))).Append('\n');
        var absent = attendees.Where(a => a.IsExpected && !a.IsPresent && string.IsNullOrWhiteSpace(a.LeaveReason)).ToList();
        if (absent.Count > 0) sb.Append("- 缺席人员：").Append(Names(absent)).Append('\n');
        var guests = attendees.Where(a => !a.IsExpected && a.IsPresent).ToList();
        if (guests.Count > 0) sb.Append("- 列席人员：").Append(Names(guests)).Append('\n');
    }

    /// <summary>
    /// Attendance as figures: 应到/实到 (and guests as a count), and the member units nobody came from — no person's name,
    /// no reason for leave (decision 0016).
    /// </summary>
    private static void AppendPublicAttendance(StringBuilder sb, IReadOnlyList<MinutesAttendee> attendees)
    {
        var guests = attendees.Count(a => !a.IsExpected && a.IsPresent);
        if (guests > 0) sb.Append("- 列席：").Append(guests).Append("人\n");
        var absentUnits = attendees.Where(a => a.IsExpected && !string.IsNullOrWhiteSpace(a.UnitName))
            .GroupBy(a => Line(a.UnitName!), StringComparer.Ordinal)
            .Where(g => g.All(a => !a.IsPresent)).Select(g => g.Key).ToList();
        sb.Append("- 缺席单位：").Append(absentUnits.Count == 0 ? "无" : string.Join("、", absentUnits)).Append('\n');
    }

    /// <summary>一 … 九十九, as Chinese documents number their sections.</summary>
    public static string ChineseNumber(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        const string digits = "零一二三四五六七八九";
        if (n < 10) return digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private static string Time(DateTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Person(MinutesAttendee a) => string.IsNullOrWhiteSpace(a.UnitName) ? Line(a.Name) : $"{Line(a.Name)}（{Line(a.UnitName)}）";

    private static string Names(IEnumerable<MinutesAttendee> people)
    {
        var list = people.Select(Person).ToList();
        return list.Count == 0 ? "无" : string.Join("、", list);
    }

    private static string OrNone(string? text) => string.IsNullOrWhiteSpace(text) ? "未记录" : Line(text);

    // A one-line field: line breaks typed into a title would break the Markdown structure.
    private static string Line(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // Multi-line notes stay multi-line, indented under their list entry so Markdown keeps them inside it.
    private static string Block(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "未记录";
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n  ", lines.Select(l => l.TrimStart()));
    }
}
