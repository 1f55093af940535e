namespace Portal.Web.Components.Shared;

/// <summary>
/// An editable row: its key and the concurrency version the user loaded, so a save made after someone else's is
/// refused as a conflict instead of silently overwriting it.
/// </summary>
public abstract class VersionedForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public bool IsNew => Id == 0;
}
