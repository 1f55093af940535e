using Portal.Domain.Voting;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes.Components.Staff;

/// <summary>
/// The draft form's fields, and which field a refusal belongs under: the service names some (scope, rule set), the
/// vote's own rules answer with a code for the whole form, placed here under the field it is about.
/// </summary>
public static class VoteDraftFields
{
    public const string Form = Problem.Form;
    public const string Scope = nameof(VoteForm.Scope);
    public const string RuleSet = nameof(VoteForm.RuleSetCode);
    public const string Title = nameof(VoteForm.Title);
    public const string Options = nameof(VoteForm.Options);
    public const string Secrecy = nameof(VoteForm.Secrecy);
    public const string Channels = nameof(VoteForm.Channels);
    public const string OpensAt = nameof(VoteForm.OpensAtUtc);
    public const string ClosesAt = nameof(VoteForm.ClosesAtUtc);

    /// <summary>The field a vote rule's code is about; the whole form for any other.</summary>
    public static string FieldOf(string key) => key switch
    {
        Vote.TitleRequired or Vote.TitleTooLong => Title,
        Vote.OptionsInvalid => Options,
        Vote.NoChannel => Channels,
        Vote.ClosesBeforeOpens => ClosesAt,
        Vote.SecretNeedsHeadcount => Secrecy,
        Vote.SecretNeedsPrivateChannels => Secrecy,
        Vote.InvalidRuleSet => RuleSet,
        _ => Form,
    };

    /// <summary>The service's answer as messages by field, each in the reader's language.</summary>
    public static Dictionary<string, string> ErrorsOf(Result result, ResultText texts)
    {
        var errors = new Dictionary<string, string>();
        foreach (var problem in result.Problems)
        {
            var field = problem.Field == Problem.Form ? FieldOf(problem.Message.Key) : problem.Field;
            errors.TryAdd(field, texts[problem.Message]);
        }
        return errors;
    }
}
