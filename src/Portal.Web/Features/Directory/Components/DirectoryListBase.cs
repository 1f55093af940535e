using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Directory.Components;

/// <summary>
/// A directory list: the kit's <see cref="ServerListBase{TRow, TForm, TQuery}"/> on a <see cref="DirectoryQuery"/>, with
/// the directory's texts. A list adds its place filters in <see cref="WithFilters"/>.
/// </summary>
public abstract class DirectoryListBase<TRow, TForm> : ServerListBase<TRow, TForm, DirectoryQuery> where TRow : notnull where TForm : VersionedForm
{
    [Inject] protected IStringLocalizer<DirectoryText> T { get; set; } = default!;

    /// <summary>Extra filters of the list (community, grid, building...).</summary>
    protected virtual DirectoryQuery WithFilters(DirectoryQuery query) => query;

    protected sealed override DirectoryQuery QueryOf(string? search, int skip, int take) => WithFilters(new DirectoryQuery(search, skip, take));
}
