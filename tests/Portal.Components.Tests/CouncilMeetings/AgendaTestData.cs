using System.Collections.Immutable;
using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Meetings;

namespace Portal.Components.Tests.CouncilMeetings;

/// <summary>Agenda items and views as the live meeting page holds them, at a fixed clock.</summary>
internal static class AgendaTestData
{
    /// <summary>10:00 China time on a meeting day.</summary>
    public static readonly DateTime Now = new(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc);

    public static AgendaItemState Item(int number, string title, int minutes = 20, bool urgent = false, DateTime? started = null,
        DateTime? ended = null, DateTime? timerSince = null, TimeSpan elapsed = default, string? outcome = null, string? notes = null) =>
        new(number, title, minutes, urgent, null, started, ended, timerSince, elapsed, outcome, notes);

    public static AgendaView View(MeetingStatus status, int? current, params AgendaItemState[] items) =>
        new(status, status == MeetingStatus.Scheduled ? null : Now.AddMinutes(-30), null, 7, current, false, [.. items]);
}
