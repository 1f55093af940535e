using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Councils.Setup;

/// <summary>
/// Creates a council (/councils/new) or edits its settings and seats (/councils/{id}/settings). Managers only: the
/// service answers others as if the council did not exist. On a validation error or a conflict the user's input stays.
/// </summary>
public sealed partial class CouncilSettingsPage
{
    [Parameter] public int? Id { get; set; }

    [Inject] private CouncilSetupService Setup { get; set; } = default!;
    [Inject] private CouncilService Councils { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<CouncilsText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<Portal.Web.Features.Localization.SharedText> S { get; set; } = default!;

    private CouncilForm? _form;
    private CouncilScopes _scopes = new([], []);
    private IReadOnlyList<SeatUnitOption> _units = [];
    private CouncilDetail? _detail;
    private Result<CouncilForm>? _result;
    private bool _saving;
    private bool _loaded;

    private string Title => Id is null ? T["Setup.Title.New"] : _detail is { } d ? $"{T["Setup.Title.Edit"]} · {d.Name}" : T["Setup.Title.Edit"];

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _result = null;
        if (Id is not null)
        {
            await ReloadAsync();
        }
        else
        {
            _scopes = await Councils.ScopesAsync();
            _detail = null;
            _form = !_scopes.CanCreate ? null : new CouncilForm
            {
                Level = _scopes.Communities.Count > 0 ? Portal.Domain.Councils.CouncilLevel.Community : Portal.Domain.Councils.CouncilLevel.Street,
                CommunityId = _scopes.Communities.FirstOrDefault()?.Id,
                StreetId = _scopes.Communities.Count > 0 ? null : _scopes.Streets.FirstOrDefault()?.Id,
            };
        }
        await LoadUnitsAsync();
        _loaded = true;
    }

    /// <summary>The units of the chosen community or street: lead-unit choices and the seat form's units.</summary>
    private async Task LoadUnitsAsync()
    {
        if (_form is null) return;
        var community = _form.Level == Portal.Domain.Councils.CouncilLevel.Community ? _form.CommunityId : null;
        _units = await Setup.UnitOptionsAsync(community, community is null ? _form.StreetId : null);
    }

    private async Task SaveAsync()
    {
        if (_form is null || _saving) return;
        _saving = true;
        try
        {
            var result = await Setup.SaveAsync(_form);
            _result = result;
            switch (result.Outcome)
            {
                case Outcome.Succeeded when _form.IsNew:
                    Snackbar.Add(T["Setup.Created"], Severity.Success);
                    Navigation.NavigateTo($"councils/{result.Id}/settings");
                    break;
                case Outcome.Succeeded:
                    Snackbar.Add(S["Common.Saved"], Severity.Success);
                    await ReloadAsync();
                    break;
                case Outcome.Conflict when result.Current is { } current:
                    // Keep the user's input; take the new version so saving again deliberately overwrites. The panel says why.
                    _form.Version = current.Version;
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Navigation.NavigateTo(Id is { } id ? $"councils/{id}" : "councils");

    private async Task ReloadAsync()
    {
        if (Id is not { } id) return;
        _form = await Setup.GetFormAsync(id);
        _detail = _form is null ? null : await Councils.GetAsync(id);
    }

    private async Task ReloadRosterAsync()
    {
        if (Id is { } id) _detail = await Councils.GetAsync(id);
    }
}
