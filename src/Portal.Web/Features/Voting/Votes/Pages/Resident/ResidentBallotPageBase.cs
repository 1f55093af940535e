using Microsoft.AspNetCore.Components;
using Portal.Domain.Voting;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes.Pages.Resident;

/// <summary>
/// The ballot page and the on-site page: load the vote with the resident's standing, follow the vote's live channel
/// (turnout of a named vote; the close, after which the page says so and links to the result), and cast through the
/// page's channel with the cast command as it is.
/// </summary>
public abstract class ResidentBallotPageBase : ComponentBase, IDisposable
{
    [Parameter] public int Id { get; set; }

    [Inject] protected VoteService Votes { get; set; } = default!;
    [Inject] protected LiveEventBus Bus { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<ResidentBallotPageBase> Logger { get; set; } = default!;

    protected abstract BallotChannel Channel { get; }

    protected ResidentVote? Vote { get; private set; }
    protected VoteTurnout? Turnout { get; private set; }
    protected bool Loaded { get; private set; }
    protected DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;

    private LiveFeed? _feed;
    private int _subscribedId;
    private bool _disposed;

    protected override async Task OnParametersSetAsync()
    {
        if (_subscribedId != Id)
        {
            _feed?.Dispose();
            // Subscribed before the first read, so nothing published in between is missed (turnout keeps the largest).
            _feed = LiveFeed.Subscribe(Bus, [VoteChannels.For(Id)], OnLiveEventAsync);
            _subscribedId = Id;
        }
        await LoadAsync();
        Loaded = true;
    }

    protected async Task LoadAsync()
    {
        Vote = await Votes.ResidentVoteAsync(Id);
        Turnout = Vote is { Summary.Secrecy: Secrecy.Named } ? await Votes.TurnoutAsync(Id) : null;
    }

    protected Task<Result<CastReceipt>> CastAsync(IReadOnlyList<int> choices) =>
        Votes.CastAsync(new CastCommand(Id, Channel, choices));

    /// <summary>After the cast: the standing (and turnout) as stored now.</summary>
    protected async Task CastDoneAsync(CastReceipt _) => await LoadAsync();

    private Task OnLiveEventAsync(LiveEvent liveEvent) => InvokeAsync(async () =>
    {
        if (_disposed || Vote is null) return;
        try
        {
            if (liveEvent.Type == VoteChannels.Turnout && liveEvent.PayloadAs<VoteTurnoutChanged>() is { } changed && Turnout is { } turnout)
                Turnout = turnout with
                {
                    Participants = Math.Max(turnout.Participants, changed.Participants),
                    ParticipatingArea = Math.Max(turnout.ParticipatingArea, changed.ParticipatingArea),
                };
            else if (liveEvent.Type == VoteChannels.StatusChanged)
                await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex) when (ex is not ObjectDisposedException)
        {
            Logger.LogWarning(ex, "Applying a live change of vote {VoteId} failed", Id);
        }
    });

    public void Dispose()
    {
        _disposed = true;
        _feed?.Dispose();
        GC.SuppressFinalize(this);
    }
}
