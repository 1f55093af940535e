namespace Portal.Web.Features.Voting.Votes.Export;

/// <summary>Marker for the vote papers' strings (VotePapersText.resx, VotePapersText.en.resx): the announcement, the CSV columns, the buttons.</summary>
public sealed class VotePapersText;
