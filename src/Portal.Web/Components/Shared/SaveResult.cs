namespace Portal.Web.Components.Shared;

public enum SaveStatus
{
    Saved,
    /// <summary>Validation failed; <see cref="SaveResult{TForm}.Errors"/> says why, field by field.</summary>
    Invalid,
    /// <summary>Someone else saved the row since it was loaded; <see cref="SaveResult{TForm}.Current"/> holds their version.</summary>
    Conflict,
    /// <summary>The row does not exist or is outside the user's scope (the two are not told apart, so ids cannot be probed).</summary>
    NotFound,
}

/// <summary>What every <see cref="SaveResult{TForm}"/> shares, whatever its form.</summary>
public static class SaveResult
{
    /// <summary>The key of errors that belong to the whole form rather than one field.</summary>
    public const string FormError = "";
}

/// <summary>
/// The outcome of a create, update or delete, as <see cref="EditorPanel"/> shows it: errors next to their fields
/// (the <see cref="FormError"/> key above the form), and after a conflict the row as it is saved now.
/// </summary>
public sealed record SaveResult<TForm>(SaveStatus Status, int Id, IReadOnlyDictionary<string, string> Errors, TForm? Current) where TForm : class
{
    public bool Succeeded => Status == SaveStatus.Saved;

    /// <summary>The key of errors that belong to the whole form rather than one field.</summary>
    public const string FormError = SaveResult.FormError;

    public static SaveResult<TForm> Saved(int id) => new(SaveStatus.Saved, id, new Dictionary<string, string>(), null);
    public static SaveResult<TForm> Invalid(IReadOnlyDictionary<string, string> errors) => new(SaveStatus.Invalid, 0, errors, null);
    public static SaveResult<TForm> Invalid(string message) => Invalid(new Dictionary<string, string> { [FormError] = message });
    public static SaveResult<TForm> Conflict(TForm? current) => new(SaveStatus.Conflict, 0, new Dictionary<string, string>(), current);
    public static SaveResult<TForm> NotFound(string message) => new(SaveStatus.NotFound, 0, new Dictionary<string, string> { [FormError] = message }, null);
}

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
