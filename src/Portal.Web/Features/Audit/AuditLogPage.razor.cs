using Portal.Domain.Auditing;
using Radzen;
using Radzen.Blazor;

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
    private RadzenDataGrid<AuditEntry>? _grid;
    // Null until the first load: the grid calls LoadData on its own only while it has no data.
    private IReadOnlyList<AuditEntry>? _rows;
    private IReadOnlyList<AuditChoice> _entityTypes = [];
    private int _total;
    private bool _loading;
    private bool _rangeError;

    protected override async Task OnInitializedAsync() =>
        _entityTypes = (await Log.EntityTypesAsync()).Select(t => new AuditChoice(t, AuditNames.Entity(T, t))).OrderBy(c => c.Text).ToList();

    private async Task LoadAsync(LoadDataArgs args)
    {
        _loading = true;
        try
        {
            var page = await Log.QueryAsync(_applied, args.Skip ?? 0, args.Top ?? PageSize);
            _rows = page.Rows;
            _total = page.Total;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task SearchAsync()
    {
        _rangeError = !_model.IsRangeValid;
        if (_rangeError) return;
        _applied = _model.ToFilter();
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private Task ResetAsync()
    {
        _model.Clear();
        return SearchAsync();
    }

    private static void MarkRow(RowRenderEventArgs<AuditEntry> args)
    {
        args.Attributes.Add("data-testid", "audit-row");
        if (args.Data is { } entry)
        {
            args.Attributes.Add("data-entity-type", entry.EntityType);
            args.Attributes.Add("data-entity-id", entry.EntityId);
            args.Attributes.Add("data-action", entry.Action.ToString());
        }
    }

    private static BadgeStyle ActionStyle(AuditAction action) => action switch
    {
        AuditAction.Create => BadgeStyle.Success,
        AuditAction.Delete => BadgeStyle.Danger,
        _ => BadgeStyle.Info,
    };
}
