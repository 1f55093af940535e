namespace Portal.Web.Kit.Results;

/// <summary>How a command ended. Numbered once for the whole portal; the order says nothing.</summary>
public enum Outcome
{
    Succeeded = 0,
    /// <summary>The input or the state refuses the change; <see cref="Result.Problems"/> says why, field by field. Nothing changed.</summary>
    Invalid = 1,
    /// <summary>The caller may see the thing but may not do this to it.</summary>
    NotAllowed = 2,
    /// <summary>It does not exist, or the caller may not see it (the two are not told apart, so ids cannot be probed).</summary>
    NotFound = 3,
    /// <summary>Someone else changed it since the caller loaded it; <see cref="Result{T}.Current"/> holds what is saved now (null: deleted).</summary>
    Conflict = 4,
}

/// <summary>
/// A text not yet in anyone's language: the resource key of a slice's <c>…Text</c> class (<see cref="Texts"/>) and its
/// arguments. Services return these; only the edge (<see cref="ResultText"/>) turns them into the reader's language.
/// </summary>
public sealed record Message(Type Texts, string Key, params object[] Args)
{
    public static Message Of<TTexts>(string key, params object[] args) => new(typeof(TTexts), key, args);

    public override string ToString() => Args.Length == 0 ? $"{Texts.Name}:{Key}" : $"{Texts.Name}:{Key}({string.Join(", ", Args)})";
}

/// <summary>Why a command was refused: a field's message, or the whole form's (<see cref="Form"/>).</summary>
public sealed record Problem(string Field, Message Message)
{
    /// <summary>The field of problems that belong to the whole form rather than one input.</summary>
    public const string Form = "";
}

/// <summary>
/// The outcome of a command, the same for every service: <see cref="Outcome"/>, the id it concerned (the new one after a
/// create), the problems with their messages (keys, never localized strings), and the row's new concurrency version
/// when the command has one to give back.
/// </summary>
public record Result(Outcome Outcome, int Id, IReadOnlyList<Problem> Problems, Guid? Version = null)
{
    public bool Succeeded => Outcome == Outcome.Succeeded;

    /// <summary>The message for the whole form, if any.</summary>
    public Message? FormMessage => MessageOf(Problem.Form);

    /// <summary>The first message for <paramref name="field"/>, if any.</summary>
    public Message? MessageOf(string field) => Problems.FirstOrDefault(p => p.Field == field)?.Message;

    /// <summary>After a conflict: whether the values saved now are known (false: deleted meanwhile, or nothing to show).</summary>
    public virtual bool HasCurrent => false;

    public static Result Ok(int id = 0, Guid? version = null) => new(Outcome.Succeeded, id, [], version);

    public static Result Invalid(IReadOnlyList<Problem> problems) => new(Outcome.Invalid, 0, problems);

    public static Result Invalid(string field, Message message) => Invalid([new Problem(field, message)]);

    /// <summary>Refused as a whole (a rule of the state rather than of one input).</summary>
    public static Result Invalid(Message message) => Invalid(Problem.Form, message);

    public static Result NotAllowed(Message message) => new(Outcome.NotAllowed, 0, [new Problem(Problem.Form, message)]);

    public static Result NotFound(Message message) => new(Outcome.NotFound, 0, [new Problem(Problem.Form, message)]);

    public static Result Conflict(Message message) => new(Outcome.Conflict, 0, [new Problem(Problem.Form, message)]);
}

/// <summary>
/// A <see cref="Result"/> that carries a value: <see cref="Value"/> what the command produced (when it has something to
/// give back), <see cref="Current"/> after a conflict what is saved now (null: deleted meanwhile).
/// </summary>
public sealed record Result<T>(Outcome Outcome, int Id, IReadOnlyList<Problem> Problems, Guid? Version = null, T? Value = default, T? Current = default)
    : Result(Outcome, Id, Problems, Version) where T : class
{
    public override bool HasCurrent => Current is not null;

    /// <summary>The same outcome with a value type: for failures that a shared step (the unit of work, a check) produced.</summary>
    public static Result<T> From(Result result) =>
        result as Result<T> ?? new(result.Outcome, result.Id, result.Problems, result.Version);

    public static new Result<T> Ok(int id = 0, Guid? version = null) => new(Outcome.Succeeded, id, [], version);

    public static Result<T> Ok(T value, int id = 0, Guid? version = null) => new(Outcome.Succeeded, id, [], version, value);

    public static new Result<T> Invalid(IReadOnlyList<Problem> problems) => From(Result.Invalid(problems));

    public static new Result<T> Invalid(string field, Message message) => From(Result.Invalid(field, message));

    public static new Result<T> Invalid(Message message) => From(Result.Invalid(message));

    public static new Result<T> NotAllowed(Message message) => From(Result.NotAllowed(message));

    public static new Result<T> NotFound(Message message) => From(Result.NotFound(message));

    /// <summary>Someone else saved first: <paramref name="current"/> is what is saved now; null when it was deleted meanwhile.</summary>
    public static Result<T> Conflict(Message message, T? current) =>
        new(Outcome.Conflict, 0, [new Problem(Problem.Form, message)], null, default, current);
}
