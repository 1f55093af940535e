using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Domain.Councils;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Councils.Meetings;

/// <summary>
/// The live meeting page. It starts from the snapshot and then follows the meeting's channel: events are taken strictly in
/// channel sequence order (a jump means events were missed: they are read from the event store by sequence), and agenda
/// events strictly in revision order (<see cref="AgendaView.Apply(AgendaChange)"/>; a gap there reloads the snapshot). So a
/// page that was cut off, or whose events arrived out of order, ends up with every change. Operations are sent by the
/// child components, each with the revision it holds; their results come back here as events like everyone else's.
/// </summary>
public sealed partial class MeetingPage : ComponentBase, IDisposable
{
    [Parameter] public int Id { get; set; }

    /// <summary>
    /// The outcome and notes being typed into the agenda items' record forms. [PersistentState]: when the server evicts
    /// this page's circuit while the connection is gone, the resumed circuit starts with them (decision 0018). On the page
    /// rather than in the forms, which appear only once the agenda has loaded.
    /// </summary>
    [PersistentState]
    public RecordDrafts? Records { get; set; }

    [Inject] private MeetingLiveService Live { get; set; } = default!;
    [Inject] private LiveEventBus Bus { get; set; } = default!;
    [Inject] private IStringLocalizer<MeetingsText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<CouncilsText> CouncilsT { get; set; } = default!;
    [Inject] private ILogger<MeetingPage> Logger { get; set; } = default!;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private MeetingLive? _live;
    private AgendaView? _view;
    private long _sequence;
    private bool _loaded;
    private bool _rendered;
    private LiveFeed? _feed;
    private int _subscribedId;
    private bool _disposed;

    private MeetingStatus Status => _view?.Status ?? _live!.Status;
    private DateTime? StartedAtUtc => _view is null ? _live!.StartedAtUtc : _view.StartedAtUtc;
    private DateTime? EndedAtUtc => _view is null ? _live!.EndedAtUtc : _view.EndedAtUtc;

    protected override async Task OnParametersSetAsync()
    {
        // Forms restored for this meeting are kept; another meeting starts with none open.
        if (Records is null || Records.MeetingId != Id) Records = new RecordDrafts { MeetingId = Id };
        await LoadAsync();
        _loaded = true;
        if (_rendered) await FollowAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _rendered = true;
        await FollowAsync();
    }

    private async Task LoadAsync()
    {
        _live = await Live.LoadAsync(Id);
        _view = _live?.Snapshot is { } snapshot ? AgendaView.From(snapshot, _live.StartedAtUtc, _live.EndedAtUtc) : null;
        _sequence = _live?.Snapshot?.LastSequence ?? 0;
    }

    /// <summary>
    /// Subscribes to the meeting's channel (participants only: the service gave them the snapshot) and reads what was
    /// published between the snapshot and the subscription.
    /// </summary>
    private async Task FollowAsync()
    {
        if (_view is null || _subscribedId == Id) return;
        _feed?.Dispose();
        _subscribedId = Id;
        _feed = LiveFeed.Subscribe(Bus, [MeetingChannels.For(Id)], OnLiveEventAsync);
        await ReceiveAsync(null);
        StateHasChanged();
    }

    private Task OnLiveEventAsync(LiveEvent liveEvent) => InvokeAsync(async () =>
    {
        if (_disposed) return;
        try
        {
            await ReceiveAsync(liveEvent);
            StateHasChanged();
        }
        catch (Exception ex) when (ex is not ObjectDisposedException)
        {
            Logger.LogWarning(ex, "Applying a live change of meeting {MeetingId} failed", Id);
        }
    });

    /// <summary>Takes one event (null: only catch up), in sequence order, one at a time.</summary>
    private async Task ReceiveAsync(LiveEvent? liveEvent)
    {
        await _gate.WaitAsync();
        try
        {
            if (liveEvent is not null && liveEvent.Sequence <= _sequence) return;
            if (liveEvent is not null && liveEvent.Sequence == _sequence + 1)
            {
                if (!Take(liveEvent)) await LoadAsync();
                return;
            }
            // A jump in the sequence (or the start): read everything after the last event taken, in order.
            foreach (var missed in await Bus.ReadAfterAsync(MeetingChannels.For(Id), _sequence))
            {
                if (missed.Sequence <= _sequence) continue;
                if (!Take(missed))
                {
                    await LoadAsync();
                    return;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies an event to the view; false when the view has a gap and must be reloaded.</summary>
    private bool Take(LiveEvent liveEvent)
    {
        if (_view is null) return true;
        _sequence = liveEvent.Sequence;
        var (view, step) = liveEvent.Type switch
        {
            MeetingChannels.AgendaChanged when liveEvent.PayloadAs<AgendaChange>() is { } change => _view.Apply(change),
            MeetingChannels.StatusChanged when liveEvent.PayloadAs<MeetingStatusChanged>() is { } status => _view.Apply(status),
            // Attendance is followed by the attendance panel itself.
            _ => (_view, AgendaViewStep.Ignored),
        };
        if (step == AgendaViewStep.Gap) return false;
        _view = view;
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        _feed?.Dispose();
    }
}
