namespace Portal.Web.Features.Voting.Votes.Pages.Staff;

/// <summary>The staff vote pages' addresses, in one place (the pages' <c>@page</c> templates say the same).</summary>
public static class VotePaths
{
    public const string List = "/votes";
    public const string New = "/votes/new";

    public static string Vote(int id) => $"/votes/{id}";

    public static string Edit(int id) => $"/votes/{id}/edit";

    public static string Display(int id) => $"/votes/{id}/display";

    /// <summary>The resident's own page of a vote (served by the resident pages): where a member who does not run it goes.</summary>
    public static string Ballot(int id) => $"/votes/{id}/ballot";

    /// <summary>The resident's on-site page (served by the resident pages) that the projector's QR opens.</summary>
    public static string OnSite(int id) => $"/votes/{id}/onsite";
}
