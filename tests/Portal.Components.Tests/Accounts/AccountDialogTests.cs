using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Access;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.Administration;
using Portal.Web.Kit.Results;

namespace Portal.Components.Tests.Accounts;

/// <summary>
/// The account dialogs as the page opens them (through <see cref="IDialogService"/>): what a missing entry says next to
/// its field, that nothing is sent then, Identity's refusals kept in the open dialog, and what the dialog closes with.
/// The page hands each dialog its service calls; here they are plain functions that record what they were given.
/// </summary>
public sealed class AccountDialogTests : PortalComponentTest
{
    private readonly IRenderedComponent<MudDialogProvider> _provider;
    private readonly List<object> _sent = [];

    public AccountDialogTests()
    {
        _provider = UseDialogs();
    }

    private static readonly AccountRow Zhang = AccountStatusTests.Account();

    private Task<IReadOnlyList<PersonOption>> NoPeople(string? search, CancellationToken ct) => Task.FromResult<IReadOnlyList<PersonOption>>([]);

    private Func<T, Task<Result>> Answer<T>(Result result) => value =>
    {
        _sent.Add(value!);
        return Task.FromResult(result);
    };

    private async Task<IDialogReference> ShowAsync<TDialog>(DialogParameters<TDialog> parameters) where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        return await _provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("标题", parameters));
    }

    private string TextOf(string testId) => _provider.Find($"[data-testid={testId}]").TextContent.Trim();

    [Theory]
    [InlineData("zh-CN", "请输入用户名。", "请输入姓名。", "请输入密码。")]
    [InlineData("en", "Enter a user name.", "Enter the name.", "Enter a password.")]
    public async Task Creating_with_nothing_typed_names_each_missing_entry_under_its_field_and_sends_nothing(string culture, string userName,
        string displayName, string password)
    {
        UseCulture(culture);
        var dialog = await ShowAsync(new DialogParameters<CreateAccountDialog>
        {
            { d => d.Create, Answer<NewAccount>(Result.Ok()) },
            { d => d.FindPeople, NoPeople },
        });

        _provider.Find("[data-testid=dialog-save]").Click();

        Assert.Equal(userName, TextOf("error-username"));
        Assert.Equal(displayName, TextOf("error-displayname"));
        Assert.Equal(password, TextOf("error-password"));
        Assert.Equal("true", _provider.Find("[data-testid=new-username]").GetAttribute("aria-invalid"));
        Assert.Empty(_sent);
        Assert.False(dialog.Result.IsCompleted);
        Assert.Empty(_provider.FindAll("[data-testid=dialog-errors]"));
    }

    [Fact]
    public async Task A_refused_password_keeps_the_dialog_open_with_identitys_message_and_what_was_typed()
    {
        var refusal = Result.Invalid(Message.Of<AccountsText>("Identity.PasswordTooShort", 8));
        var dialog = await ShowAsync(new DialogParameters<CreateAccountDialog>
        {
            { d => d.Create, Answer<NewAccount>(refusal) },
            { d => d.FindPeople, NoPeople },
        });

        _provider.Find("[data-testid=new-username]").Input("zhang");
        _provider.Find("[data-testid=new-displayname]").Input("张晓梅");
        _provider.Find("[data-testid=new-password]").Input("short");
        _provider.Find("[data-testid=dialog-save]").Click();

        Assert.Equal(new NewAccount("zhang", "张晓梅", "short", null), Assert.Single(_sent));
        Assert.Equal("密码至少需要 8 个字符。", TextOf("dialog-errors"));
        Assert.Empty(_provider.FindAll("[data-testid=error-username]"));
        Assert.Equal("zhang", _provider.Find("[data-testid=new-username]").GetAttribute("value"));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_created_account_closes_the_dialog_with_its_user_name()
    {
        var dialog = await ShowAsync(new DialogParameters<CreateAccountDialog>
        {
            { d => d.Create, Answer<NewAccount>(Result.Ok()) },
            { d => d.FindPeople, NoPeople },
        });

        _provider.Find("[data-testid=new-username]").Input(" zhang ");
        _provider.Find("[data-testid=new-displayname]").Input("张晓梅");
        _provider.Find("[data-testid=new-password]").Input("Zhang-2026");
        _provider.Find("[data-testid=dialog-save]").Click();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal("zhang", result.Data);
        // The result is set before the provider renders the dialog away.
        _provider.WaitForAssertion(() => Assert.Empty(_provider.FindAll("[data-testid=create-account-dialog]")));
    }

    [Fact]
    public async Task Cancel_closes_without_sending()
    {
        var dialog = await ShowAsync(new DialogParameters<CreateAccountDialog>
        {
            { d => d.Create, Answer<NewAccount>(Result.Ok()) },
            { d => d.FindPeople, NoPeople },
        });

        _provider.Find("[data-testid=dialog-cancel]").Click();

        Assert.True((await dialog.Result)!.Canceled);
        Assert.Empty(_sent);
    }

    [Theory]
    [InlineData("zh-CN", "请选择角色。")]
    [InlineData("en", "Choose a role.")]
    public async Task Granting_without_a_role_says_so_under_the_role_and_sends_nothing(string culture, string message)
    {
        UseCulture(culture);
        var dialog = await ShowAsync(new DialogParameters<GrantRoleDialog>
        {
            { d => d.Account, Zhang },
            { d => d.ScopesFor, _ => Task.FromResult<IReadOnlyList<ScopeOption>>([]) },
            { d => d.Grant, Answer<ScopedRole>(Result.Ok()) },
        });

        _provider.Find("[data-testid=dialog-save]").Click();

        Assert.Equal(message, TextOf("error-role"));
        Assert.Empty(_provider.FindAll("[data-testid=error-scope]"));
        // The scope waits for the role.
        Assert.True(_provider.Find("[data-testid=grant-scope-choice]").HasAttribute("disabled"));
        Assert.Empty(_sent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Theory]
    [InlineData("zh-CN", "请输入密码。")]
    [InlineData("en", "Enter a password.")]
    public async Task Resetting_without_a_password_says_so_under_it_and_sends_nothing(string culture, string message)
    {
        UseCulture(culture);
        var dialog = await ShowAsync(new DialogParameters<ResetPasswordDialog>
        {
            { d => d.Account, Zhang },
            { d => d.Reset, Answer<string>(Result.Ok()) },
        });

        _provider.Find("[data-testid=dialog-save]").Click();

        Assert.Equal(message, TextOf("error-password"));
        Assert.Empty(_sent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_reset_password_is_sent_once_and_closes_the_dialog()
    {
        var dialog = await ShowAsync(new DialogParameters<ResetPasswordDialog>
        {
            { d => d.Account, Zhang },
            { d => d.Reset, Answer<string>(Result.Ok()) },
        });
        Assert.Contains("zhang", TextOf("reset-password-dialog"));

        _provider.Find("[data-testid=reset-new-password]").Input("Zhang-2027");
        _provider.Find("[data-testid=dialog-save]").Click();

        Assert.Equal("Zhang-2027", Assert.Single(_sent));
        Assert.Equal(true, (await dialog.Result)!.Data);
    }

    [Fact]
    public async Task Linking_someone_refused_by_the_service_keeps_the_dialog_open_with_the_reason()
    {
        var refusal = Result.Invalid(Message.Of<AccountsText>("Admin.PersonNotFound"));
        var linked = Zhang with { PersonId = 5, PersonName = "张晓梅" };
        var dialog = await ShowAsync(new DialogParameters<LinkPersonDialog>
        {
            { d => d.Account, linked },
            { d => d.Link, Answer<int?>(refusal) },
            { d => d.FindPeople, NoPeople },
        });
        // The linked person is shown before any search.
        Assert.Equal("张晓梅", _provider.Find("[data-testid=person-picker]").GetAttribute("value"));

        _provider.Find("[data-testid=dialog-save]").Click();

        Assert.Equal(5, Assert.Single(_sent));
        Assert.Equal("所选人员不存在或不属于您管理的街道。", TextOf("dialog-errors"));
        Assert.False(dialog.Result.IsCompleted);
    }
}
