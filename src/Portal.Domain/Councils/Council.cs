using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Councils;

/// <summary>Whether a council is convened by a community's Party organisation or by the street's (大党委).</summary>
public enum CouncilLevel
{
    Community = 1,
    Street = 2,
}

/// <summary>How often regular meetings are held (domain: monthly, quarterly or twice a year, by locality).</summary>
public enum MeetingFrequency
{
    Monthly = 1,
    Quarterly = 3,
    TwiceAYear = 6,
}

/// <summary>The three chair arrangements the domain knows.</summary>
public enum ChairArrangement
{
    /// <summary>The community (or street) Party secretary chairs every meeting.</summary>
    FixedChair = 1,
    /// <summary>An elected director (主任) with deputies, for a term.</summary>
    ElectedChair = 2,
    /// <summary>A lead unit (牵头单位) plus a chair unit that rotates yearly in a fixed order (轮值主席); see <see cref="ChairRotation"/>.</summary>
    LeadUnitWithRotatingChair = 3,
}

/// <summary>A member's post on the council. Part-time members (兼职委员) hold no post: they are <see cref="Member"/>.</summary>
public enum CouncilRole
{
    Chair = 1,
    DeputyChair = 2,
    /// <summary>秘书处: screens topics, marks attendance, chases resolutions.</summary>
    Secretariat = 3,
    /// <summary>记录人: writes and approves the minutes.</summary>
    Recorder = 4,
    Member = 5,
}

/// <summary>
/// A joint Party-building council (党建联席会议 / 大党委) of a community or street. The figures that vary by place (how often
/// it meets, how many days before a meeting topics close) live here, per council, not as constants in code.
/// </summary>
public sealed class Council : VersionedEntity
{
    public const int NameMaxLength = 100;
    public const int TopicDeadlineDaysMax = 60;

    public const string ErrorNameRequired = "Council.Error.NameRequired";
    public const string ErrorScopeRequired = "Council.Error.ScopeRequired";
    public const string ErrorTopicDeadlineDays = "Council.Error.TopicDeadlineDays";

    public CouncilLevel Level { get; set; }
    public int StreetId { get; set; }
    /// <summary>Set for a community council; null for a street-level one.</summary>
    public int? CommunityId { get; set; }
    public required string Name { get; set; }
    public MeetingFrequency Frequency { get; set; } = MeetingFrequency.Monthly;
    /// <summary>
    /// Topic collection closes this many whole local days before a meeting (domain: e.g. 15, or 3; at least 1), see
    /// <see cref="TopicRules.SubmissionDeadlineUtc"/>.
    /// </summary>
    public int TopicDeadlineDays { get; set; } = 15;
    public ChairArrangement ChairArrangement { get; set; } = ChairArrangement.FixedChair;
    /// <summary>For <see cref="ChairArrangement.LeadUnitWithRotatingChair"/>: the lead unit (usually the community Party committee's).</summary>
    public int? LeadUnitId { get; set; }
    /// <summary>For the rotating chair: the first year of the rotation; the order is <see cref="CouncilMember.RotationOrder"/>.</summary>
    public int? RotationStartYear { get; set; }
    /// <summary>Where regular meetings are usually held (the minutes' 会议地点 unless a meeting says otherwise).</summary>
    public string? DefaultLocation { get; set; }

    // The regular-meeting calendar (see MeetingCalendarRule), stored per council because it varies by place, like Frequency.
    /// <summary>First meeting month of each cycle (1..months between meetings).</summary>
    public int CalendarFirstMonth { get; set; } = 1;
    /// <summary>Which weekday of the month (1..4), e.g. 2 for "the 2nd Tuesday".</summary>
    public int CalendarWeekOfMonth { get; set; } = 1;
    public DayOfWeek CalendarDay { get; set; } = DayOfWeek.Friday;
    /// <summary>China time.</summary>
    public TimeOnly CalendarStartTime { get; set; } = new(14, 30);
    public int MeetingDurationMinutes { get; set; } = 120;

    /// <summary>The council's regular-meeting rule, for <see cref="MeetingCalendar.Generate"/>.</summary>
    public MeetingCalendarRule CalendarRule() =>
        new(Frequency, CalendarFirstMonth, CalendarWeekOfMonth, CalendarDay, CalendarStartTime, MeetingDurationMinutes);

    public List<CouncilMember> Members { get; set; } = [];

    /// <summary>
    /// Sets what the council's managers configure — name, regular-meeting calendar, topic deadline, default location and
    /// chair arrangement — as they will be stored, and answers <see cref="Validate"/>'s error codes (empty: it may be
    /// saved). A monthly council meets every month, so its cycle starts in January; the lead unit and the rotation's
    /// first year mean something only for the rotating chair, so another arrangement forgets them.
    /// </summary>
    public IReadOnlyList<string> Configure(string? name, MeetingCalendarRule calendar, int topicDeadlineDays, string? defaultLocation,
        ChairArrangement arrangement, int? leadUnitId, int? rotationStartYear)
    {
        Name = UserText.SingleLine(name);
        Frequency = calendar.Frequency;
        CalendarFirstMonth = calendar.Frequency == MeetingFrequency.Monthly ? 1 : calendar.FirstMonth;
        CalendarWeekOfMonth = calendar.WeekOfMonth;
        CalendarDay = calendar.Day;
        CalendarStartTime = calendar.StartTime;
        MeetingDurationMinutes = calendar.DurationMinutes;
        TopicDeadlineDays = topicDeadlineDays;
        DefaultLocation = UserText.SingleLineOrNull(defaultLocation);
        ChairArrangement = arrangement;
        var rotating = arrangement == ChairArrangement.LeadUnitWithRotatingChair;
        LeadUnitId = rotating ? leadUnitId : null;
        RotationStartYear = rotating ? rotationStartYear : null;
        return Validate();
    }

    /// <summary>Error codes of an edited council; empty when it may be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (UserText.SingleLine(Name) is { Length: 0 or > NameMaxLength }) errors.Add(ErrorNameRequired);
        // A community council must say which community; a street council must not, or it would show on a community's pages.
        if ((Level == CouncilLevel.Community) != (CommunityId is not null)) errors.Add(ErrorScopeRequired);
        if (TopicDeadlineDays is < 1 or > TopicDeadlineDaysMax) errors.Add(ErrorTopicDeadlineDays);
        if (ChairArrangement == ChairArrangement.LeadUnitWithRotatingChair && (LeadUnitId is null || RotationStartYear is null))
            errors.Add(ChairRotation.ErrorLeadUnitRequired);
        errors.AddRange(CalendarRule().Validate());
        return errors;
    }
}

/// <summary>
/// One seat on a council for a term. A member unit's seat is held by its Party leader (<see cref="PersonId"/>); a part-time
/// member may sit without a unit. A changed post or a new term is a new row, so past meetings keep who was who.
/// </summary>
public sealed class CouncilMember : VersionedEntity
{
    public const string ErrorPersonOrUnitRequired = "Council.Error.PersonOrUnitRequired";
    public const string ErrorTermOrder = "Council.Error.TermOrder";

    public int CouncilId { get; set; }
    /// <summary>The member unit (共建单位); null for an individual part-time member or the full-time staff.</summary>
    public int? UnitId { get; set; }
    /// <summary>The person who sits: the unit's Party leader, or the individual member.</summary>
    public int? PersonId { get; set; }
    /// <summary>The unit's liaison (联络员) for council business.</summary>
    public int? LiaisonPersonId { get; set; }
    public CouncilRole Role { get; set; } = CouncilRole.Member;
    /// <summary>True for part-time members (兼职委员), i.e. not community staff.</summary>
    public bool IsPartTime { get; set; } = true;
    public DateOnly TermFrom { get; set; }
    /// <summary>Inclusive last day; null while the term is open.</summary>
    public DateOnly? TermTo { get; set; }
    /// <summary>Position of the unit in the rotating-chair order (1-based); null if it does not take a turn.</summary>
    public int? RotationOrder { get; set; }

    public bool IsSittingOn(DateOnly day) => TermFrom <= day && (TermTo is null || day <= TermTo);

    /// <summary>
    /// Ends the term on <paramref name="lastDay"/> (inclusive), for someone who left or whose post changed; refused
    /// (<see cref="ErrorTermOrder"/>, nothing changed) before the term began.
    /// </summary>
    public string? EndTerm(DateOnly lastDay)
    {
        if (lastDay < TermFrom) return ErrorTermOrder;
        TermTo = lastDay;
        return null;
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (UnitId is null && PersonId is null) errors.Add(ErrorPersonOrUnitRequired);
        if (TermTo is { } to && to < TermFrom) errors.Add(ErrorTermOrder);
        return errors;
    }
}

/// <summary>Roster questions answered from the members' terms, for the rules that need "who is on the council that day".</summary>
public static class CouncilRoster
{
    /// <summary>The member units sitting on <paramref name="day"/> (distinct ids).</summary>
    public static IReadOnlySet<int> MemberUnitsOn(IEnumerable<CouncilMember> members, DateOnly day) =>
        members.Where(m => m.UnitId is not null && m.IsSittingOn(day)).Select(m => m.UnitId!.Value).ToHashSet();

    /// <summary>The persons expected at a meeting on <paramref name="day"/>: everyone with a seat that day (应到).</summary>
    public static IReadOnlyList<int> ExpectedPersonsOn(IEnumerable<CouncilMember> members, DateOnly day) =>
        members.Where(m => m.PersonId is not null && m.IsSittingOn(day)).Select(m => m.PersonId!.Value).Distinct().Order().ToList();

    /// <summary>Who holds a post that day (e.g. the chair of an elected council, its deputies).</summary>
    public static IReadOnlyList<CouncilMember> Holding(IEnumerable<CouncilMember> members, CouncilRole role, DateOnly day) =>
        members.Where(m => m.Role == role && m.IsSittingOn(day)).ToList();
}
