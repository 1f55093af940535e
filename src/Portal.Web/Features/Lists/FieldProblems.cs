using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists;

/// <summary>
/// The problems of a lists form, collected field by field while a service checks it (decision 0023): the first problem of
/// a field is the one the form shows, so a later check of the same field adds nothing. The messages are keys of the
/// slice's texts (<typeparamref name="TTexts"/>), put into the reader's language at the edge.
/// </summary>
public sealed class FieldProblems<TTexts>
{
    private readonly List<Problem> _problems = [];

    public int Count => _problems.Count;

    public bool Has(string field) => _problems.Exists(p => p.Field == field);

    public void Add(string field, string key, params object[] args)
    {
        if (!Has(field)) _problems.Add(new Problem(field, Message.Of<TTexts>(key, args)));
    }

    /// <summary>The form refused with its problems; null when there are none.</summary>
    public Result? Refusal => _problems.Count == 0 ? null : Result.Invalid(_problems.ToList());
}
