using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Accounts.Administration;

/// <summary>Localized names of roles and scopes, shared by the account pages and their dialogs.</summary>
public static class RoleLabels
{
    public static string Role(IStringLocalizer<SharedText> shared, PortalRole role) => shared[$"Role.{role}"];

    public static string Scope(IStringLocalizer<AccountsText> text, ScopeKind scope) => text[$"Scope.{scope}"];

    /// <summary>"社区书记（青年湖社区）" / "Community secretary (青年湖社区)".</summary>
    public static string Describe(IStringLocalizer<SharedText> shared, IStringLocalizer<AccountsText> text, ScopedRole role, string scopeName) =>
        text["Admin.RoleWithScope", Role(shared, role.Role), scopeName];
}
