namespace Portal.Web.Features.Councils.Meetings;

/// <summary>
/// The record forms (outcome and notes of an agenda item) a person has open on the live meeting page, by item number, as
/// typed. Owned by <see cref="MeetingPage"/>, which marks it <c>[PersistentState]</c>: when the server evicts the page's
/// circuit while the connection is gone (a laptop closed during the meeting), the forms come back open with their text
/// in the circuit that resumes (decision 0018), as the minutes do (<c>MinutesPage.Draft</c>).
/// </summary>
public sealed class RecordDrafts
{
    public int MeetingId { get; set; }

    public Dictionary<int, RecordDraft> Items { get; set; } = [];

    /// <summary>The open form of the item, or null.</summary>
    public RecordDraft? Of(int number) => Items.GetValueOrDefault(number);

    /// <summary>Opens the item's form on the values shown at <paramref name="revision"/>.</summary>
    public void Open(int number, string? outcome, string? notes, int revision) =>
        Items[number] = new RecordDraft { Outcome = new FieldDraft(outcome ?? ""), Notes = new FieldDraft(notes ?? ""), BaseRevision = revision };

    public void Close(int number) => Items.Remove(number);
}

/// <summary>One item's record form as typed.</summary>
public sealed class RecordDraft
{
    public FieldDraft Outcome { get; set; } = new("");

    public FieldDraft Notes { get; set; } = new("");

    /// <summary>The revision the person saw when they started writing: a change by someone else since then is not overwritten.</summary>
    public int BaseRevision { get; set; }
}
