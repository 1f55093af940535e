namespace Portal.Web.Features.Voting;

/// <summary>
/// Marker for the voting strings (VotingText.resx, VotingText.en.resx): the domain's codes (<c>Voting.*</c>, from
/// <see cref="Portal.Domain.Voting"/>), the services' refusals (<c>Vote.*</c>), channel names and the verdict's lines.
/// </summary>
public sealed class VotingText;
