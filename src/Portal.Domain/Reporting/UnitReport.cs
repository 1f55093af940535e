using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Reporting;

/// <summary>
/// A co-building unit's Party organisation reporting to a community for a year (单位报到, decision 0039), with its
/// co-building agreement (共建协议): signed on a day, for a term, the signed document attached. The community verifies
/// it. The unit's resources are the resources list's own rows (linked there); its posts are its <see cref="PostClaim"/>s.
/// One report per unit, community and year (the database enforces it).
/// </summary>
public sealed class UnitReport : VersionedEntity
{
    public const int NoteMaxLength = 500;

    public const string ErrorYear = "Reporting.Error.Unit.Year";
    public const string ErrorTerm = "Reporting.Error.Unit.Term";
    public const string ErrorSigned = "Reporting.Error.Unit.Signed";
    public const string ErrorAgreement = "Reporting.Error.Unit.Agreement";
    public const string ErrorNote = "Reporting.Error.Unit.Note";
    public const string ErrorNotPending = "Reporting.Error.Unit.NotPending";

    private UnitReport() { }

    public int UnitId { get; private init; }
    public int CommunityId { get; private init; }
    public int Year { get; private init; }
    public DateOnly ReportedOn { get; private init; }
    public DateOnly AgreementSignedOn { get; private set; }
    public DateOnly TermFrom { get; private set; }
    public DateOnly TermTo { get; private set; }
    /// <summary>The stored name of the signed agreement's scan (the attachment store's).</summary>
    public string AgreementFile { get; private set; } = "";
    [MultiLineText]
    public string Note { get; private set; } = "";
    public string ReportedByUserId { get; private init; } = "";
    public bool IsVerified { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    public string? VerifiedByUserId { get; private set; }

    public sealed record Agreement(DateOnly SignedOn, DateOnly TermFrom, DateOnly TermTo, string StoredFile, string? Note);

    /// <summary>
    /// The unit reports for <paramref name="year"/> (this year or the next) on <paramref name="today"/>: the agreement
    /// signed by today, its term covering part of the year.
    /// </summary>
    public static (UnitReport? Report, string? Error) Submit(int unitId, int communityId, int year, Agreement agreement, DateOnly today, string byUserId)
    {
        if (year < today.Year - 1 || year > today.Year + 1) return (null, ErrorYear);
        var report = new UnitReport { UnitId = unitId, CommunityId = communityId, Year = year, ReportedOn = today, ReportedByUserId = byUserId };
        return report.Describe(agreement, today) is { } error ? (null, error) : (report, null);
    }

    /// <summary>Corrects the agreement before it is verified.</summary>
    public string? Change(Agreement agreement, DateOnly today) => IsVerified ? ErrorNotPending : Describe(agreement, today);

    public string? Verify(string byUserId, DateTime nowUtc)
    {
        if (IsVerified) return ErrorNotPending;
        (IsVerified, VerifiedAtUtc, VerifiedByUserId) = (true, nowUtc, byUserId);
        return null;
    }

    /// <summary>Whether the agreement is in force on <paramref name="day"/> (both ends of the term count).</summary>
    public bool InForceOn(DateOnly day) => TermFrom <= day && day <= TermTo;

    private string? Describe(Agreement a, DateOnly today)
    {
        if (a.SignedOn > today) return ErrorSigned;
        if (a.TermTo < a.TermFrom || a.TermFrom < a.SignedOn.AddYears(-1)) return ErrorTerm;
        // The term must reach into the year reported for.
        if (a.TermTo < new DateOnly(Year, 1, 1) || a.TermFrom > new DateOnly(Year, 12, 31)) return ErrorTerm;
        if (string.IsNullOrWhiteSpace(a.StoredFile)) return ErrorAgreement;
        var note = UserText.MultiLineTrimmed(a.Note);
        if (note.Length > NoteMaxLength) return ErrorNote;
        (AgreementSignedOn, TermFrom, TermTo, AgreementFile, Note) = (a.SignedOn, a.TermFrom, a.TermTo, a.StoredFile, note);
        return null;
    }
}
