using MudBlazor;
using Portal.Domain.Auditing;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Audit;

/// <summary>
/// Searches the append-only audit log. Read-only on purpose: there is no edit or delete here or anywhere.
/// <see cref="AuditLog"/> checks the reader itself.
/// </summary>
public partial class AuditLogPage
{
    private const int PageSize = 25;

    private readonly AuditFilterModel _model = new();
    private AuditFilter _applied = new();
    private MudDataGrid<AuditEntry>? _grid;
    private IReadOnlyList<AuditChoice> _entityTypes = [];

    protected override async Task OnInitializedAsync() =>
        _entityTypes = (await Log.EntityTypesAsync()).Select(t => new AuditChoice(t, AuditNames.Entity(T, t))).OrderBy(c => c.Text).ToList();

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken ct)
    {
        var page = await Log.QueryAsync(_applied, state.Skip(), state.Take(), ct);
        return new PagedResult<AuditEntry>(page.Rows, page.Total).ToGridData();
    }

    /// <summary>The filter bar has checked the dates; the search starts again at the first page.</summary>
    private async Task SearchAsync()
    {
        _applied = _model.ToFilter();
        if (_grid is not null) await _grid.ReloadFirstPageAsync();
    }

    private Task ResetAsync()
    {
        _model.Clear();
        return SearchAsync();
    }

    /// <summary>One colour meaning each (design brief): added green, removed red, changed blue.</summary>
    private static StatusTone ActionTone(AuditAction action) => action switch
    {
        AuditAction.Create => StatusTone.Success,
        AuditAction.Delete => StatusTone.Error,
        _ => StatusTone.Info,
    };
}
