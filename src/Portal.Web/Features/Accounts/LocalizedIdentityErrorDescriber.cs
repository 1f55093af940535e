using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Identity's validation messages in the user's language. Each error also carries its untranslated
/// <see cref="Message"/> (key and arguments), so services can answer a <see cref="Result"/> localized at the edge.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<AccountsText> text) : IdentityErrorDescriber
{
    private const string KeyPrefix = "Identity.";

    /// <summary>The message of an error this describer made; Identity's "unknown error" for any other.</summary>
    public static Message MessageOf(IdentityError error) =>
        error is DescribedError described ? described.Message : Message.Of<AccountsText>(KeyPrefix + nameof(DefaultError));

    private IdentityError Error(string code, params object[] args) =>
        new DescribedError(Message.Of<AccountsText>(KeyPrefix + code, args)) { Code = code, Description = text[KeyPrefix + code, args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName ?? "");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled));

    /// <summary>An Identity error that keeps its message's key and arguments (the description is only for logs and Identity's own callers).</summary>
    private sealed class DescribedError(Message message) : IdentityError
    {
        public Message Message { get; } = message;
    }
}
