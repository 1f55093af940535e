namespace Portal.Web.Features.Accounts;

/// <summary>Marker for the accounts feature's localized strings (AccountsText.resx).</summary>
public sealed class AccountsText;
