using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Voting.Votes.Components.Staff;

/// <summary>
/// The draft form's values as the secretary edits them (times in China time, as the pickers show them). Turned into a
/// <see cref="VoteForm"/> for the service, which decides; nothing is validated twice here. Kept by the page across a
/// refused or conflicting save, so nothing typed is lost.
/// </summary>
public sealed class VoteDraftModel
{
    /// <summary>The channels a secretary ticks for a new vote; proxy is its own switch.</summary>
    public static IReadOnlyList<BallotChannel> TickedChannels { get; } =
        [BallotChannel.Online, BallotChannel.OnSite, BallotChannel.Paper, BallotChannel.DoorToDoor];

    public int CommunityId { get; set; }
    public MatterScope? Scope { get; set; }
    public string Title { get; set; } = "";
    public string RuleSetCode { get; set; } = ShippedRuleSets.OwnersOrdinaryMatters.Code;
    public QuestionKind Kind { get; set; } = QuestionKind.Motion;
    public List<OptionText> Options { get; set; } = [new(), new()];
    public int MaxChoices { get; set; } = 2;
    public Secrecy Secrecy { get; set; } = Secrecy.Named;
    public HashSet<BallotChannel> Channels { get; set; } = [BallotChannel.Online, BallotChannel.OnSite, BallotChannel.Paper, BallotChannel.DoorToDoor];
    public bool Proxy { get; set; }
    public DateTime? OpensLocal { get; set; }
    public DateTime? ClosesLocal { get; set; }

    public static VoteDraftModel From(VoteForm form) => new()
    {
        CommunityId = form.CommunityId,
        Scope = form.Scope,
        Title = form.Title,
        RuleSetCode = form.RuleSetCode,
        Kind = form.Kind,
        Options = form.Kind == QuestionKind.Motion ? [new(), new()] : [.. form.Options.Select(o => new OptionText { Text = o })],
        MaxChoices = form.MaxChoices,
        Secrecy = form.Secrecy,
        Channels = [.. TickedChannels.Where(c => form.Channels.Accepts(c))],
        Proxy = form.Channels.Accepts(BallotChannel.Proxy),
        OpensLocal = PortalTime.ToLocal(form.OpensAtUtc),
        ClosesLocal = PortalTime.ToLocal(form.ClosesAtUtc),
    };

    /// <summary>
    /// The form for the service. A missing time goes as the earliest moment, which the vote refuses as closing before it
    /// opens (or the page flags it first); a missing scope as the community's own.
    /// </summary>
    public VoteForm ToForm()
    {
        var channels = Channels.Aggregate(BallotChannels.None, (set, c) => set | (BallotChannels)(1 << (int)c));
        if (Proxy) channels |= BallotChannels.Proxy;
        return new VoteForm(CommunityId, Scope ?? new MatterScope(MatterScopeKind.Community, CommunityId), Title, Kind,
            Kind == QuestionKind.Motion ? [] : [.. Options.Select(o => o.Text)], Kind == QuestionKind.UpTo ? MaxChoices : 1,
            RuleSetCode, Secrecy, channels, ToUtc(OpensLocal), ToUtc(ClosesLocal));
    }

    private static DateTime ToUtc(DateTime? local) => local is { } value
        ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), PortalTime.Zone)
        : DateTime.MinValue;

    /// <summary>One option's text, a class so a text field binds to it in a list.</summary>
    public sealed class OptionText
    {
        public string Text { get; set; } = "";
    }
}
