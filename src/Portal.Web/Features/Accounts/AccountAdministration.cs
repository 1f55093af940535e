using Portal.Web.Kit.Callers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Directory;
using Portal.Domain.Text;
using Portal.Web.Components.Shared;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Lists and creates accounts, grants and revokes scoped roles, unlocks accounts and resets passwords. Every
/// method checks the caller itself (the page's policy only decides who may open the page): the caller must be a
/// street administrator, of the street each touched scope belongs to. Commands answer a <see cref="Result"/> whose
/// messages are keys (<see cref="AccountsText"/>), Identity's refusals included (<see cref="FromIdentity"/>). The caller's roles are read from the
/// database, not the sign-in cookie, so a revoked administrator loses these powers at once. Changes are audited
/// by <see cref="PortalDbContext"/>. Scoped.
/// </summary>
public sealed class AccountAdministration(
    IDbContextFactory<PortalDbContext> dbFactory,
    IServiceScopeFactory scopes,
    CallerScope callers,
    DirectoryScopeCache directory,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// A disabled account is locked out for good: Identity then refuses every sign-in and the circuit revalidation
    /// ends open sessions, without a column of our own. Temporary lockouts after failed passwords end much sooner.
    /// </summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>True when a lockout end marks a disabled account rather than a temporary lockout.</summary>
    public static bool IsDisabledLockout(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= 9999;

    public async Task<AccountPage> ListAsync(AccountQuery query, CancellationToken ct = default)
    {
        var policy = await CallerAsync(ct);
        var callerId = (await callers.GetAsync(ct)).UserId;
        var scope = await directory.GetAsync(ct);
        var streets = policy.AdministeredStreets.ToList();
        var communities = streets.SelectMany(scope.CommunitiesOfStreet).ToList();
        var grids = streets.SelectMany(scope.GridsOfStreet).ToList();
        var units = streets.SelectMany(scope.UnitsOfStreet).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Accounts without any role (just created) or with a role in one of the caller's streets.
        var accounts = db.Users.AsNoTracking().Where(u =>
            !db.RoleAssignments.Any(r => r.UserId == u.Id)
            || db.RoleAssignments.Any(r => r.UserId == u.Id && (
                (r.Scope == ScopeKind.Street && streets.Contains(r.ScopeId))
                || (r.Scope == ScopeKind.Community && communities.Contains(r.ScopeId))
                || (r.Scope == ScopeKind.Grid && grids.Contains(r.ScopeId))
                || (r.Scope == ScopeKind.Unit && units.Contains(r.ScopeId)))));
        if (query.Term is { } search)
        {
            var normalized = search.ToUpperInvariant();
            accounts = accounts.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(search));
        }

        var total = await accounts.CountAsync(ct);
        var page = await accounts
            .OrderBy(u => u.UserName)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(u => new
            {
                u.Id, u.UserName, u.NormalizedUserName, u.DisplayName, u.PersonId, u.LockoutEnd,
                PersonName = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault(),
                Roles = db.RoleAssignments.Where(r => r.UserId == u.Id).ToList(),
            })
            .ToListAsync(ct);

        var names = await ScopeNamesAsync(db, page.SelectMany(a => a.Roles).Select(r => r.ToScopedRole()), ct);
        IReadOnlyDictionary<string, SignInLockState> signInLocks;
        await using (var guardScope = scopes.CreateAsyncScope())
            signInLocks = await guardScope.ServiceProvider.GetRequiredService<SignInGuard>().StatesAsync(page.Select(a => a.NormalizedUserName), ct);
        var now = clock.GetUtcNow();
        var rows = page.Select(a =>
        {
            var roles = a.Roles
                .OrderBy(r => r.Role).ThenBy(r => r.Scope).ThenBy(r => r.ScopeId)
                .Select(r => new AccountRoleRow(r.Id, r.ToScopedRole(), names.GetValueOrDefault((r.Scope, r.ScopeId), "#" + r.ScopeId),
                    policy.CanAdministerRolesIn(r.Scope, r.ScopeId)))
                .ToList();
            var disabled = IsDisabledLockout(a.LockoutEnd);
            var locks = a.NormalizedUserName is { } key ? signInLocks.GetValueOrDefault(key) : null;
            // Locked for new devices after failed sign-ins, or (set by hand) by Identity's temporary lockout.
            var locked = !disabled && (locks?.LockedUntilUtc is not null || a.LockoutEnd is { } end && end > now);
            return new AccountRow(a.Id, a.UserName ?? "", a.DisplayName, a.PersonId, a.PersonName,
                locked, disabled, a.LockoutEnd, locks?.PausedAddresses ?? 0, roles,
                policy.CanManageAccount(roles.Select(r => r.Role)), a.Id == callerId);
        }).ToList();
        return new AccountPage(rows, total);
    }

    /// <summary>Creates an account; Identity validates the user name and password (messages in the user's language).</summary>
    public async Task<Result> CreateAsync(NewAccount account, CancellationToken ct = default)
    {
        await CallerAsync(ct);
        var displayName = UserText.SingleLine(account.DisplayName);
        if (displayName.Length == 0) return Result.Invalid(Says("Admin.DisplayNameRequired"));
        if (displayName.Length > DirectoryLimits.PersonName) return Result.Invalid(Says("Admin.DisplayNameTooLong", DirectoryLimits.PersonName));
        if (account.PersonId is { } personId && !await IsPersonOfCallerAsync(personId, ct))
            return Result.Invalid(Says("Admin.PersonNotFound"));

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = account.UserName?.Trim(), DisplayName = displayName, PersonId = account.PersonId };
        return FromIdentity(await users.CreateAsync(user, account.Password ?? ""));
    }

    /// <summary>
    /// Grants a role over a scope of the caller's street; renews the security stamp so the user's sessions pick it up.
    /// A role that cannot be held over that kind of scope is refused with a message; a scope outside the caller's
    /// streets throws, because the page never offers one (only a forged request gets there).
    /// </summary>
    public async Task<Result> GrantAsync(string userId, ScopedRole role, CancellationToken ct = default)
    {
        var policy = await CallerAsync(ct);
        if (!Enum.IsDefined(role.Role) || !ScopedRole.IsValidScopeFor(role.Role, role.Scope))
            return Result.Invalid(Says("Admin.ScopeInvalid"));
        if (!policy.CanAdministerRolesIn(role.Scope, role.ScopeId))
            throw new UnauthorizedAccessException($"Not an administrator of the street of {role.Scope} {role.ScopeId}.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return Result.NotFound(Says("Admin.AccountNotFound"));
        var exists = await db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.Role == role.Role && r.Scope == role.Scope && r.ScopeId == role.ScopeId, ct);
        if (exists) return Result.Invalid(Says("Admin.RoleHeld"));
        db.RoleAssignments.Add(new UserRoleAssignment { UserId = userId, Role = role.Role, Scope = role.Scope, ScopeId = role.ScopeId });
        await db.SaveChangesAsync(ct);
        await RenewStampAsync(userId);
        return Result.Ok();
    }

    /// <summary>Revokes a role of the caller's street. The last street administrator of a street cannot be revoked: nobody could grant it again.</summary>
    public async Task<Result> RevokeAsync(int assignmentId, CancellationToken ct = default)
    {
        var policy = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await db.RoleAssignments.FindAsync([assignmentId], ct);
        if (assignment is null) return Result.Ok();
        if (!policy.CanAdministerRolesIn(assignment.Scope, assignment.ScopeId))
            throw new UnauthorizedAccessException($"Not an administrator of the street of {assignment.Scope} {assignment.ScopeId}.");
        if (assignment.Role == PortalRole.StreetAdministrator
            && !await db.RoleAssignments.AnyAsync(r => r.Id != assignment.Id && r.Role == PortalRole.StreetAdministrator && r.ScopeId == assignment.ScopeId, ct))
            return Result.Invalid(Says("Admin.LastAdministrator"));

        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        await RenewStampAsync(assignment.UserId);
        return Result.Ok();
    }

    /// <summary>
    /// Ends a lockout early and forgets the failed attempts: the account's lock and its paused addresses end (audited
    /// under the caller's name, decision 0013), its known devices' counts start again, and Identity's lockout is cleared.
    /// </summary>
    public async Task<Result> UnlockAsync(string userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await ManageableAccountAsync(users, userId, ct);
        if (user is null) return Result.NotFound(Says("Admin.AccountNotFound"));
        var caller = await callers.GetAsync(ct);
        await scope.ServiceProvider.GetRequiredService<SignInGuard>().LiftAsync(user, caller.IsSignedIn ? caller.UserName : "?", ct);
        var result = await users.SetLockoutEndDateAsync(user, null);
        return FromIdentity(result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result);
    }

    /// <summary>
    /// Disables the account: no sign-in until it is enabled again, and the renewed security stamp ends its open
    /// sessions. Administrators cannot disable themselves, so a street never loses its last way in by accident.
    /// </summary>
    public async Task<Result> DisableAsync(string userId, CancellationToken ct = default)
    {
        if (userId == (await callers.GetAsync(ct)).UserId) return Result.Invalid(Says("Admin.CannotDisableSelf"));
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await ManageableAccountAsync(users, userId, ct);
        if (user is null) return Result.NotFound(Says("Admin.AccountNotFound"));
        var result = await LockUntilAsync(users, user, DisabledUntil);
        return FromIdentity(result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result);
    }

    /// <summary>Enables a disabled account again (same effect as <see cref="UnlockAsync"/>, named for the page's wording).</summary>
    public Task<Result> EnableAsync(string userId, CancellationToken ct = default) => UnlockAsync(userId, ct);

    /// <summary>Sets a new password chosen by the administrator. Identity renews the security stamp, which signs the user out elsewhere.</summary>
    public async Task<Result> ResetPasswordAsync(string userId, string newPassword, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await ManageableAccountAsync(users, userId, ct);
        if (user is null) return Result.NotFound(Says("Admin.AccountNotFound"));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return FromIdentity(await users.ResetPasswordAsync(user, token, newPassword ?? ""));
    }

    /// <summary>Links the account to a person of the caller's street, or unlinks it (null).</summary>
    public async Task<Result> LinkPersonAsync(string userId, int? personId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await ManageableAccountAsync(users, userId, ct);
        if (user is null) return Result.NotFound(Says("Admin.AccountNotFound"));
        if (personId is { } id && !await IsPersonOfCallerAsync(id, ct)) return Result.Invalid(Says("Admin.PersonNotFound"));
        user.PersonId = personId;
        return FromIdentity(await users.UpdateAsync(user));
    }

    /// <summary>The scopes of the caller's streets that the role can be granted over, named for a picker.</summary>
    public async Task<IReadOnlyList<ScopeOption>> ScopeOptionsAsync(PortalRole role, CancellationToken ct = default)
    {
        var policy = await CallerAsync(ct);
        var streets = policy.AdministeredStreets.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var options = new List<ScopeOption>();
        if (ScopedRole.IsValidScopeFor(role, ScopeKind.Street))
            options.AddRange(await db.Streets.AsNoTracking().Where(s => streets.Contains(s.Id)).OrderBy(s => s.Name)
                .Select(s => new ScopeOption(ScopeKind.Street, s.Id, s.Name)).ToListAsync(ct));
        if (ScopedRole.IsValidScopeFor(role, ScopeKind.Community))
            options.AddRange(await db.Communities.AsNoTracking().Where(c => streets.Contains(c.StreetId)).OrderBy(c => c.Name)
                .Select(c => new ScopeOption(ScopeKind.Community, c.Id, c.Name)).ToListAsync(ct));
        if (ScopedRole.IsValidScopeFor(role, ScopeKind.Grid))
            options.AddRange(await db.Grids.AsNoTracking().Where(g => streets.Contains(g.Community!.StreetId))
                .OrderBy(g => g.Community!.Name).ThenBy(g => g.Id)
                .Select(g => new ScopeOption(ScopeKind.Grid, g.Id, g.Community!.Name + " " + g.Name)).ToListAsync(ct));
        if (ScopedRole.IsValidScopeFor(role, ScopeKind.Unit))
            options.AddRange(await db.Units.AsNoTracking().Where(u => streets.Contains(u.StreetId)).OrderBy(u => u.Name)
                .Select(u => new ScopeOption(ScopeKind.Unit, u.Id, u.Name)).ToListAsync(ct));
        return options;
    }

    /// <summary>People of the caller's streets whose name contains <paramref name="search"/>, for linking an account.</summary>
    public async Task<IReadOnlyList<PersonOption>> FindPeopleAsync(string? search, int take = 20, CancellationToken ct = default)
    {
        var policy = await CallerAsync(ct);
        var streets = policy.AdministeredStreets.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = PeopleOfStreets(db, streets);
        if (UserText.SingleLineOrNull(search) is { } term) people = people.Where(p => p.Name.Contains(term));
        return await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(p => new PersonOption(p.Id, p.Name, p.ResidenceCommunity != null ? p.ResidenceCommunity.Name : p.HomeUnit != null ? p.HomeUnit.Name : null))
            .ToListAsync(ct);
    }

    /// <summary>Sets Identity's lockout end, turning lockout on for accounts that have it off.</summary>
    private static async Task<IdentityResult> LockUntilAsync(UserManager<PortalUser> users, PortalUser user, DateTimeOffset end)
    {
        if (!await users.GetLockoutEnabledAsync(user))
        {
            var enabled = await users.SetLockoutEnabledAsync(user, true);
            if (!enabled.Succeeded) return enabled;
        }
        return await users.SetLockoutEndDateAsync(user, end);
    }

    private static IQueryable<Person> PeopleOfStreets(PortalDbContext db, List<int> streets) =>
        db.People.AsNoTracking().Where(p =>
            (p.ResidenceCommunity != null && streets.Contains(p.ResidenceCommunity.StreetId))
            || (p.HomeUnit != null && streets.Contains(p.HomeUnit.StreetId)));

    private async Task<bool> IsPersonOfCallerAsync(int personId, CancellationToken ct)
    {
        var policy = await CallerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeopleOfStreets(db, policy.AdministeredStreets.ToList()).AnyAsync(p => p.Id == personId, ct);
    }

    /// <summary>The account if the caller may manage it (all its roles in the caller's streets); null when absent or not theirs.</summary>
    private async Task<PortalUser?> ManageableAccountAsync(UserManager<PortalUser> users, string userId, CancellationToken ct)
    {
        var policy = await CallerAsync(ct);
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        if (!policy.CanManageAccount(roles.Select(r => r.ToScopedRole())))
            throw new UnauthorizedAccessException($"Account {userId} holds roles outside the caller's streets.");
        return user;
    }

    /// <summary>
    /// The calling street administrator (the scope's caller, <see cref="CallerScope"/>), with roles fresh from the database
    /// rather than the sign-in cookie's.
    /// </summary>
    private async Task<AccessPolicy> CallerAsync(CancellationToken ct)
    {
        var userId = (await callers.GetAsync(ct)).UserId;
        if (userId is null) throw new UnauthorizedAccessException("Account administration needs a signed-in street administrator.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        var policy = new AccessPolicy(roles.Select(r => r.ToScopedRole()), await directory.GetAsync(ct));
        if (!policy.IsStreetAdministrator) throw new UnauthorizedAccessException("Account administration needs a street administrator.");
        return policy;
    }

    private async Task<Dictionary<(ScopeKind, int), string>> ScopeNamesAsync(PortalDbContext db, IEnumerable<ScopedRole> roles, CancellationToken ct)
    {
        var wanted = roles.ToLookup(r => r.Scope, r => r.ScopeId);
        var names = new Dictionary<(ScopeKind, int), string>();
        var streetIds = wanted[ScopeKind.Street].Distinct().ToList();
        foreach (var s in await db.Streets.AsNoTracking().Where(s => streetIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            names[(ScopeKind.Street, s.Id)] = s.Name;
        var communityIds = wanted[ScopeKind.Community].Distinct().ToList();
        foreach (var c in await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            names[(ScopeKind.Community, c.Id)] = c.Name;
        var gridIds = wanted[ScopeKind.Grid].Distinct().ToList();
        foreach (var g in await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).Select(g => new { g.Id, Name = g.Community!.Name + " " + g.Name }).ToListAsync(ct))
            names[(ScopeKind.Grid, g.Id)] = g.Name;
        var unitIds = wanted[ScopeKind.Unit].Distinct().ToList();
        foreach (var u in await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            names[(ScopeKind.Unit, u.Id)] = u.Name;
        return names;
    }

    private async Task RenewStampAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is not null) await users.UpdateSecurityStampAsync(user);
    }

    private static Message Says(string key, params object[] args) => Message.Of<AccountsText>(key, args);

    /// <summary>
    /// Identity's answer as a <see cref="Result"/>: each refusal (password rules, a taken user name) becomes a problem of
    /// the whole form, its message the key our <see cref="LocalizedIdentityErrorDescriber"/> gave it; an error that did
    /// not come from the describer says Identity's "unknown error".
    /// </summary>
    private static Result FromIdentity(IdentityResult result) => result.Succeeded
        ? Result.Ok()
        : Result.Invalid(result.Errors.Select(e => new Problem(Problem.Form, LocalizedIdentityErrorDescriber.MessageOf(e))).ToList());
}
