namespace Portal.Web.Features.Voting.Votes.Components.Resident;

/// <summary>The addresses of the residents' vote pages (the on-site one is what the meeting's QR code opens).</summary>
public static class ResidentVotePaths
{
    public const string Mine = "/votes/mine";

    public static string Ballot(int voteId) => $"/votes/{voteId}/ballot";

    public static string OnSite(int voteId) => $"/votes/{voteId}/onsite";

    public static string Result(int voteId) => $"/votes/{voteId}/result";
}
