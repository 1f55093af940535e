using Microsoft.AspNetCore.Components;
using Portal.Domain.WorkItems;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Councils.Review;

/// <summary>
/// The annual review page: loads the review of the chosen year and hands each section's input to the service, keeping
/// what was typed when the service refuses (invalid figures, a missing reason, someone else's change meanwhile).
/// </summary>
public partial class ReviewPage
{
    [Parameter] public int CouncilId { get; set; }
    [Parameter] public int? Year { get; set; }

    [Inject] private ResultText Texts { get; set; } = default!;

    private AnnualReviewView? _view;
    private bool _loaded;
    private bool _busy;
    private string? _notice;
    private ScoringRulesForm _rulesForm = new();
    private IReadOnlyDictionary<string, string> _rulesErrors = new Dictionary<string, string>();
    private readonly Dictionary<int, string?> _reasons = [];
    private IReadOnlyDictionary<string, string> _carryErrors = new Dictionary<string, string>();
    private readonly Dictionary<int, IReadOnlyDictionary<string, string>> _rateErrors = [];

    protected override async Task OnParametersSetAsync()
    {
        _view = await Review.GetAsync(CouncilId, Year);
        _loaded = true;
        _notice = null;
        _reasons.Clear();
        _carryErrors = new Dictionary<string, string>();
        _rateErrors.Clear();
        ResetRules();
    }

    private void ChangeYear(int year) => Navigation.NavigateTo($"councils/{CouncilId}/review/{year}");

    private void ResetRules()
    {
        _rulesErrors = new Dictionary<string, string>();
        if (_view is not null) _rulesForm = ScoringRulesForm.From(_view.Rules);
    }

    private async Task<bool> SaveRulesAsync()
    {
        if (_view is null) return false;
        _busy = true;
        _notice = null;
        try
        {
            var result = await Review.SaveRulesAsync(CouncilId, _view.Year, _rulesForm);
            _rulesErrors = Texts.ByField(result);
            if (result.Succeeded)
            {
                _view = result.Value;
                ResetRules();
                _notice = T["Rules.Saved"];
                return true;
            }
            else if (result.Outcome == Outcome.Conflict && await Review.GetAsync(CouncilId, _view.Year) is { } fresh)
            {
                // Show the rules saved meanwhile and save against them next time; the figures typed stay in the form.
                _view = fresh;
                _rulesForm.BaseRuleSetId = fresh.Rules.RuleSetId;
                _rulesForm.BaseVersion = fresh.Rules.Version;
            }
            return false;
        }
        finally
        {
            _busy = false;
            // Some sections call back through a plain delegate, which does not re-render the page by itself.
            StateHasChanged();
        }
    }

    private async Task CarryAsync()
    {
        if (_view is null) return;
        _busy = true;
        _notice = null;
        try
        {
            // Only the tasks on the page are sent; reasons left empty are sent as empty so the domain names them.
            var reasons = _view.Unfinished.ToDictionary(t => t.WorkItemId, t => _reasons.GetValueOrDefault(t.WorkItemId));
            var result = await Review.CarryOverAsync(CouncilId, _view.Year, reasons);
            _carryErrors = Texts.ByField(result);
            if (result.Succeeded)
            {
                _view = result.Value;
                _reasons.Clear();
                _notice = T["CarryOver.Saved"];
            }
            else if (result.Outcome == Outcome.Conflict && await Review.GetAsync(CouncilId, _view.Year) is { } fresh)
            {
                _view = fresh;
            }
        }
        finally
        {
            _busy = false;
            // Some sections call back through a plain delegate, which does not re-render the page by itself.
            StateHasChanged();
        }
    }

    private async Task<bool> RateAsync(ProjectRating rating)
    {
        if (_view is null) return false;
        _busy = true;
        _notice = null;
        try
        {
            var project = _view.Projects.FirstOrDefault(p => p.Id == rating.ProjectId);
            if (project is null) return false;
            var result = await Review.RateProjectAsync(CouncilId, project.Id, project.Version, rating.Rating, rating.Note);
            _rateErrors[project.Id] = Texts.ByField(result);
            if (result.Outcome == Outcome.Conflict && await Review.GetAsync(CouncilId, _view.Year) is { } fresh)
            {
                // The rating chosen stays in the row's form; the next try is made against the project as it is now.
                _view = fresh;
            }
            if (!result.Succeeded) return false;
            _rateErrors.Remove(project.Id);
            _view = await Review.GetAsync(CouncilId, _view.Year);
            _notice = T["Projects.Rated", project.Title];
            return true;
        }
        finally
        {
            _busy = false;
            // Some sections call back through a plain delegate, which does not re-render the page by itself.
            StateHasChanged();
        }
    }
}

/// <summary>A rating given on the review page: the project, the satisfaction chosen (null if none) and the note.</summary>
public sealed record ProjectRating(int ProjectId, Satisfaction? Rating, string? Note);
