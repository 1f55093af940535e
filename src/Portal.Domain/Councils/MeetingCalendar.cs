using Portal.Domain.Text;

namespace Portal.Domain.Councils;

/// <summary>
/// When a council's regular meetings fall. One clear rule: the <see cref="WeekOfMonth"/>-th <see cref="Day"/> of each
/// meeting month (e.g. the 2nd Tuesday), at <see cref="StartTime"/> China time. Meeting months are every
/// <see cref="MeetingFrequency"/> months counted from <see cref="FirstMonth"/>: monthly every month; quarterly
/// FirstMonth 1 → January, April, July, October; twice a year FirstMonth 1 → January and July.
/// A weekday rule (not "the 15th") is chosen because members keep a fixed weekday free ("every 2nd Tuesday"), and a day
/// of the month falls on weekends now and then; week 1–4 always exists, so no month is skipped (no "5th Tuesday" choice).
/// Any weekday is allowed: some councils meet on Saturdays so residents' representatives can come.
/// </summary>
public sealed record MeetingCalendarRule(
    MeetingFrequency Frequency,
    int FirstMonth,
    int WeekOfMonth,
    DayOfWeek Day,
    TimeOnly StartTime,
    int DurationMinutes)
{
    public const string ErrorFirstMonth = "Council.Error.Calendar.FirstMonth";
    public const string ErrorWeekOfMonth = "Council.Error.Calendar.WeekOfMonth";
    public const string ErrorDuration = "Council.Error.Calendar.Duration";

    public const int DurationMaxMinutes = 8 * 60;

    /// <summary>Months between meetings: 1, 3 or 6.</summary>
    public int IntervalMonths => (int)Frequency;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        // FirstMonth names the first meeting month of each cycle, so it must lie within the first cycle of the year.
        if (FirstMonth < 1 || FirstMonth > IntervalMonths) errors.Add(ErrorFirstMonth);
        if (WeekOfMonth is < 1 or > 4) errors.Add(ErrorWeekOfMonth);
        if (DurationMinutes <= 0 || DurationMinutes > DurationMaxMinutes) errors.Add(ErrorDuration);
        return errors;
    }

    public bool IsMeetingMonth(int month) => (month - FirstMonth + 12) % IntervalMonths == 0;

    /// <summary>The local meeting day of a year and month (whether or not it is a meeting month).</summary>
    public DateOnly DayIn(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)Day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (WeekOfMonth - 1));
    }
}

/// <summary>A regular meeting the calendar proposes; <see cref="PeriodKey"/> ("2027-04") identifies it so it is created once.</summary>
public sealed record PlannedMeeting(string PeriodKey, DateOnly LocalDay, DateTime StartsAtUtc, DateTime EndsAtUtc);

public static class MeetingCalendar
{
    public const string ErrorInPast = "Council.Error.Calendar.InPast";
    public const string ErrorNotMember = "Council.Error.Calendar.NotMember";
    public const string ErrorTopicsRequired = "Council.Error.Calendar.TopicsRequired";
    public const string ErrorDuration = MeetingCalendarRule.ErrorDuration;

    /// <summary>
    /// The regular meetings of local days <paramref name="from"/> to <paramref name="to"/> (inclusive) under the rule, skipping
    /// those that start at or before <paramref name="nowUtc"/> (a meeting cannot be scheduled into the past) and those whose
    /// period key is in <paramref name="existingPeriodKeys"/> (already created, possibly moved by hand).
    /// </summary>
    public static IReadOnlyList<PlannedMeeting> Generate(
        MeetingCalendarRule rule, DateOnly from, DateOnly to, DateTime nowUtc, TimeZoneInfo zone, IEnumerable<string>? existingPeriodKeys = null)
    {
        if (rule.Validate().Count > 0) throw new ArgumentException("Invalid calendar rule.", nameof(rule));
        var existing = existingPeriodKeys?.ToHashSet(StringComparer.Ordinal) ?? [];
        var planned = new List<PlannedMeeting>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            if (!rule.IsMeetingMonth(month.Month)) continue;
            var day = rule.DayIn(month.Year, month.Month);
            if (day < from || day > to) continue;
            var key = $"{month.Year:D4}-{month.Month:D2}";
            if (existing.Contains(key)) continue;
            var start = ToUtc(day.ToDateTime(rule.StartTime), zone);
            if (start <= nowUtc) continue;
            planned.Add(new PlannedMeeting(key, day, start, start.AddMinutes(rule.DurationMinutes)));
        }
        return planned;
    }

    /// <summary>
    /// Checks a member unit's request for an ad-hoc meeting: the unit must sit on the council that day, the proposed time
    /// must be in the future with a sensible length, and at least one topic must say what it is for. Empty when valid.
    /// </summary>
    public static IReadOnlyList<string> ValidateAdHocRequest(
        int requestingUnitId, IReadOnlySet<int> memberUnitIds, DateTime proposedStartUtc, int durationMinutes, int topicCount, DateTime nowUtc)
    {
        var errors = new List<string>();
        if (!memberUnitIds.Contains(requestingUnitId)) errors.Add(ErrorNotMember);
        if (proposedStartUtc <= nowUtc) errors.Add(ErrorInPast);
        if (durationMinutes <= 0 || durationMinutes > MeetingCalendarRule.DurationMaxMinutes) errors.Add(ErrorDuration);
        if (topicCount < 1) errors.Add(ErrorTopicsRequired);
        return errors;
    }

    /// <summary>
    /// Creates the requested meeting (status Requested), which raises <see cref="AdHocMeetingRequested"/>; topics are created by
    /// the caller with the meeting's id (<see cref="Topic.RequestedWith"/>).
    /// </summary>
    public static Meeting RequestAdHoc(int councilId, int requestingUnitId, string title, DateTime proposedStartUtc, int durationMinutes, DateTime nowUtc) => new Meeting
    {
        CouncilId = councilId,
        Kind = MeetingKind.AdHoc,
        Title = UserText.SingleLine(title),
        RequestedByUnitId = requestingUnitId,
        RequestedAtUtc = nowUtc,
        ProposedStartsAtUtc = proposedStartUtc,
        StartsAtUtc = proposedStartUtc,
        EndsAtUtc = proposedStartUtc.AddMinutes(durationMinutes),
    }.Requested();

    /// <summary>
    /// The community confirms an ad-hoc request, at the proposed time or another one (the proposal stays recorded). The
    /// confirmed time must still be in the future.
    /// </summary>
    public static MeetingTransition ConfirmAdHoc(Meeting meeting, DateTime startUtc, int durationMinutes, DateTime nowUtc)
    {
        if (meeting.Kind != MeetingKind.AdHoc) return MeetingTransition.Refused(meeting.Status, MeetingWorkflow.NotAllowedInStatus);
        if (startUtc <= nowUtc) return MeetingTransition.Refused(meeting.Status, ErrorInPast);
        if (durationMinutes <= 0 || durationMinutes > MeetingCalendarRule.DurationMaxMinutes) return MeetingTransition.Refused(meeting.Status, ErrorDuration);
        var result = meeting.Apply(MeetingAction.Confirm, nowUtc);
        if (!result.Allowed) return result;
        meeting.StartsAtUtc = startUtc;
        meeting.EndsAtUtc = startUtc.AddMinutes(durationMinutes);
        return result;
    }

    /// <summary>Creates a regular meeting from a planned one (status Scheduled).</summary>
    public static Meeting CreateRegular(int councilId, PlannedMeeting planned, string title, string? location) => new()
    {
        CouncilId = councilId,
        Kind = MeetingKind.Regular,
        Title = UserText.SingleLine(title),
        PeriodKey = planned.PeriodKey,
        StartsAtUtc = planned.StartsAtUtc,
        EndsAtUtc = planned.EndsAtUtc,
        Location = location,
    };

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}
