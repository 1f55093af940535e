using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists.WorkItems.Pages;

/// <summary>
/// What a person has chosen and typed in an item's action form: the action, the note, a rating or a commitment's three
/// scores. The item's page holds it as persistent component state, so a circuit the server evicted while a phone slept
/// resumes with the form as it was (issue 11, item 1; decision 0018). Files chosen for a step cannot be kept this way
/// (the browser holds them) and are chosen again.
/// </summary>
public sealed class ActionDraft
{
    /// <summary>The item the draft was typed for: another item's page starts empty.</summary>
    public int ItemId { get; set; }
    public WorkItemAction? Action { get; set; }
    public string? Note { get; set; }
    public Satisfaction? Rating { get; set; }
    public decimal? MemberScore { get; set; }
    public decimal? ResidentScore { get; set; }
    public decimal? OrganizationScore { get; set; }

    /// <summary>Forgets everything typed (after a successful action, or on cancel).</summary>
    public void Clear()
    {
        Action = null;
        Note = null;
        Rating = null;
        MemberScore = ResidentScore = OrganizationScore = null;
    }
}
