namespace Portal.Web.Kit.Results;

/// <summary>
/// The problems of a form, collected field by field while a service checks it (decision 0023). The form shows one message
/// per field: <see cref="Add(string, Message)"/> keeps the field's first problem, <see cref="Set"/> puts a later, more
/// specific check's problem in its place. The one helper for this in the portal: slices build their own checks on it.
/// </summary>
public class FieldProblems
{
    private readonly List<Problem> _problems = [];

    public int Count => _problems.Count;

    public bool HasErrors => _problems.Count > 0;

    public IReadOnlyList<Problem> Problems => _problems;

    public bool Has(string field) => _problems.Exists(p => p.Field == field);

    /// <summary>The field's problem, unless it already has one.</summary>
    public void Add(string field, Message message)
    {
        if (!Has(field)) _problems.Add(new Problem(field, message));
    }

    /// <summary>The field's problem, in place of any it had.</summary>
    public void Set(string field, Message message)
    {
        _problems.RemoveAll(p => p.Field == field);
        _problems.Add(new Problem(field, message));
    }

    /// <summary>The form refused with its problems; null when there are none.</summary>
    public Result? Refusal => _problems.Count == 0 ? null : Result.Invalid(_problems.ToList());
}

/// <summary><see cref="FieldProblems"/> whose messages are mostly keys of one slice's texts (<typeparamref name="TTexts"/>).</summary>
public sealed class FieldProblems<TTexts> : FieldProblems
{
    public void Add(string field, string key, params object[] args) => Add(field, Message.Of<TTexts>(key, args));
}
