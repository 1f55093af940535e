using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Tests.Live;

namespace Portal.Web.Tests.CouncilMeetings;

/// <summary>
/// The live agenda on the outbox (decision 0023): starting a meeting and an agenda operation each store the meeting, the
/// change log row and the live events on the meeting's channel in one commit (before, the events were appended by a
/// second commit after the change's, and lost if the process stopped in between).
/// </summary>
public sealed class AgendaOutboxTests : IDisposable
{
    private readonly OutboxTests.CommitProbe _commits = new();
    private readonly PortalHost _host;

    public AgendaOutboxTests() => _host = new PortalHost(services: s => s.AddSingleton<IInterceptor>(_commits));

    public void Dispose() => _host.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_and_an_agenda_change_each_commit_once_with_their_live_events()
    {
        var id = await CouncilTestData.MeetingAboutToStartAsync(_host, "出库测试会议");
        var coordinator = _host.Services.GetRequiredService<MeetingAgendaCoordinator>();
        var channel = MeetingChannels.For(id);
        long head;
        await using (var db = await _host.NewDbContextAsync(Ct))
            head = await db.LiveEvents.Where(e => e.Channel == channel).Select(e => (long?)e.Sequence).MaxAsync(Ct) ?? 0;

        var commits = _commits.Watch();
        var started = await coordinator.StartAsync(id, Ct);
        Assert.True(started.Applied, started.ErrorCode);
        Assert.Equal(1, commits.Count);

        int first, revision;
        await using (var db = await _host.NewDbContextAsync(Ct))
        {
            first = await db.AgendaItems.Where(i => i.MeetingId == id).OrderBy(i => i.Position).Select(i => i.Number).FirstAsync(Ct);
            revision = await db.Meetings.Where(m => m.Id == id).Select(m => m.AgendaRevision).SingleAsync(Ct);
        }
        commits = _commits.Watch();
        var applied = await coordinator.ApplyAsync(id, new SetCurrentItem(revision, "测试", first), Ct);
        Assert.True(applied.Applied, applied.ErrorCode);
        Assert.Equal(1, commits.Count);

        await using (var db = await _host.NewDbContextAsync(Ct))
        {
            var stored = await db.LiveEvents.AsNoTracking().Where(e => e.Channel == channel && e.Sequence > head).OrderBy(e => e.Sequence).ToListAsync(Ct);
            Assert.Equal([head + 1, head + 2], stored.Select(e => e.Sequence));
            Assert.Equal([MeetingChannels.StatusChanged, MeetingChannels.AgendaChanged], stored.Select(e => e.Type));
            Assert.Contains("\"status\":", stored[0].Payload);
            Assert.Contains($"\"revision\":{revision + 1}", stored[1].Payload);
            Assert.True(await db.AgendaChanges.AnyAsync(c => c.MeetingId == id && c.Revision == revision + 1, Ct));
            Assert.Equal(MeetingStatus.InProgress, await db.Meetings.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(Ct));
        }
    }
}
