using Microsoft.AspNetCore.Components;
using Portal.Web.Features.Lists.Resources;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Lists.Projects;

/// <summary>
/// A project: its units, linked needs, committed resources and milestones. Any change to it — a milestone edited here
/// or by someone else, a claim — arrives on the community's lists channel and re-reads the project, so the rolled-up
/// progress is always the one saved.
/// </summary>
public partial class ProjectDetailPage : ComponentBase, IDisposable
{
    [Inject] private ProjectService Projects { get; set; } = default!;
    [Inject] private Kit.Results.ResultText Texts { get; set; } = default!;
    [Inject] private LiveEventBus Bus { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    private ProjectDetail? _project;
    private bool _loaded;
    private string? _message;
    private IDisposable? _subscription;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _project = await Projects.GetAsync(Id);
        _loaded = true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_subscription is not null || _project is null) return;
        _subscription = Bus.Subscribe(ListsChannels.For(_project.CommunityId), e =>
            e.PayloadAs<ProjectEvent>() is { } payload && payload.ProjectId == Id && e.Type.StartsWith("project.", StringComparison.Ordinal)
                ? InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); })
                : Task.CompletedTask);
    }

    private async Task ClaimAsync()
    {
        if (_project is null) return;
        var result = await Projects.ClaimAsync(_project.Id, _project.Version);
        _message = result.Succeeded ? null : Texts.Of(result.Problems.FirstOrDefault()?.Message);
        await LoadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
