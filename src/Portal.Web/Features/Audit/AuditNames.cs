using Microsoft.Extensions.Localization;
using Portal.Domain.Auditing;

namespace Portal.Web.Features.Audit;

/// <summary>
/// How the audit log names what changed and who changed it, in the reader's language: the viewer and the export both
/// ask here. The log stores codes (the entity's type name, <see cref="AuditEntry.SystemUserName"/>); every audited type
/// has a name in both languages (AuditNamesTests).
/// </summary>
public static class AuditNames
{
    /// <summary>The entity type's name; a type no longer in the portal (an old entry) keeps its code name.</summary>
    public static string Entity(IStringLocalizer<AuditText> text, string entityType)
    {
        var localized = text[$"Entity.{entityType}"];
        return localized.ResourceNotFound ? entityType : localized.Value;
    }

    /// <summary>The account's user name, or "系统" for changes no signed-in person made.</summary>
    public static string User(IStringLocalizer<AuditText> text, AuditEntry entry) =>
        entry.IsBySystem ? text["User.System"] : entry.UserName;
}
