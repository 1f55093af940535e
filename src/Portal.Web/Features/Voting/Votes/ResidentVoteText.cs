namespace Portal.Web.Features.Voting.Votes;

/// <summary>Marker for the residents' vote pages' strings (ResidentVoteText.resx, ResidentVoteText.en.resx).</summary>
public sealed class ResidentVoteText;
