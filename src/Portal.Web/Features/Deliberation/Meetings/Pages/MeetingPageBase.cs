using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Meetings.Pages;

/// <summary>
/// What the chair's desk, the resident's phone page and the projector share: the meeting read through
/// <see cref="MeetingService"/> (so each reads only what its caller may see), reloaded on every event of the meeting's live
/// channel, and the speech countdown ticking in the browser (assets/js/countdown.js over <see cref="Root"/>).
/// </summary>
public abstract class MeetingPageBase : ComponentBase, IAsyncDisposable
{
    [Parameter] public int Id { get; set; }

    [Inject] protected MeetingService Meetings { get; set; } = default!;
    [Inject] protected ResultText Texts { get; set; } = default!;
    [Inject] private LiveEventBus Bus { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<MeetingPageBase> Logger { get; set; } = default!;

    protected MeetingView? View { get; private set; }
    protected bool Loaded { get; private set; }
    protected bool Busy { get; private set; }
    /// <summary>The last command's refusal, localized; null after a success.</summary>
    protected string? Error { get; private set; }
    /// <summary>The element the countdowns tick under.</summary>
    protected ElementReference Root;

    private LiveFeed? _feed;
    private int _feedFor;
    private IJSObjectReference? _module;
    private IJSObjectReference? _ticker;
    private bool _disposed;

    protected override async Task OnParametersSetAsync()
    {
        View = await Meetings.GetAsync(Id);
        Loaded = true;
    }

    /// <summary>Listens once the meeting is shown, then reads it again: a change between the first read and the subscription is in that read.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed || View is null) return;
        if (_feedFor != Id)
        {
            _feed?.Dispose();
            _feed = LiveFeed.Subscribe(Bus, [DeliberationMeetingChannels.For(Id)], _ => InvokeAsync(ReloadAsync));
            _feedFor = Id;
            await ReloadAsync();
        }
        if (_ticker is null && Root.Context is not null)
        {
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/countdown.js");
                _ticker = await _module.InvokeAsync<IJSObjectReference>("startCountdowns", Root);
            }
            catch (JSDisconnectedException)
            {
                // The circuit went away before the module loaded.
            }
        }
    }

    private async Task ReloadAsync()
    {
        if (_disposed) return;
        try
        {
            View = await Meetings.GetAsync(Id);
            StateHasChanged();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Reloading deliberation meeting {MeetingId} after a live event failed", Id);
        }
    }

    /// <summary>Runs a command, shows its refusal or the meeting as it now stands.</summary>
    protected async Task RunAsync(Func<Task<Result<MeetingView>>> command)
    {
        if (Busy) return;
        Busy = true;
        try
        {
            var result = await command();
            Error = Texts.Of(result);
            if (result is { Succeeded: true, Value: { } view }) View = view;
            else View = await Meetings.GetAsync(Id);
        }
        finally
        {
            Busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _feed?.Dispose();
        try
        {
            if (_ticker is not null) { await _ticker.InvokeVoidAsync("dispose"); await _ticker.DisposeAsync(); }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's timer with it.
        }
        GC.SuppressFinalize(this);
    }
}
