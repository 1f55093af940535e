namespace Portal.Web.Features.Voting.Votes.Components.Staff;

/// <summary>
/// The turnout a page shows while ballots come in: a snapshot from the service, then each ballot's figures on top. Two
/// ballots committed at the same moment may each report a count without the other, and a snapshot may be read before
/// an event already applied; turnout only grows while a vote is open, so the largest figures seen are the truest.
/// </summary>
public sealed class LiveTurnout
{
    public int EntitledCount { get; private set; }
    public decimal EntitledArea { get; private set; }
    public int Participants { get; private set; }
    public decimal ParticipatingArea { get; private set; }

    /// <summary>A snapshot read from the service (first load, or a reload after the vote opened or closed).</summary>
    public void Load(VoteTurnout turnout)
    {
        EntitledCount = turnout.EntitledCount;
        EntitledArea = turnout.EntitledArea;
        Apply(turnout.Participants, turnout.ParticipatingArea);
    }

    /// <summary>A ballot's figures from the live channel.</summary>
    public void Apply(VoteTurnoutChanged change) => Apply(change.Participants, change.ParticipatingArea);

    /// <summary>The roll's size as the opening announced it.</summary>
    public void Opened(int entitledCount, decimal entitledArea) => (EntitledCount, EntitledArea) = (entitledCount, entitledArea);

    private void Apply(int participants, decimal area)
    {
        Participants = Math.Max(Participants, participants);
        ParticipatingArea = Math.Max(ParticipatingArea, area);
    }
}
