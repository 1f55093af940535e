namespace Portal.Web.Features.Voting.Votes;

/// <summary>Marker for the staff vote pages' strings (VotePagesText.resx, VotePagesText.en.resx).</summary>
public sealed class VotePagesText;
