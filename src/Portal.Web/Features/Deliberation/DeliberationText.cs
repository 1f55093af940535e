using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation;

/// <summary>
/// Marker for the deliberation area's localized strings (DeliberationText.resx, DeliberationText.en.resx): every
/// <c>Deliberation.Error.*</c> code the domain returns, and the area's own refusals.
/// </summary>
public sealed class DeliberationText
{
    public const string NotFound = "Deliberation.Error.NotFound";
    public const string NotAllowed = "Deliberation.Error.NotAllowed";
    public const string Conflict = "Deliberation.Error.Conflict";

    /// <summary>A text of the area: a domain error code or one of the area's keys.</summary>
    public static Message Of(string key, params object[] args) => Message.Of<DeliberationText>(key, args);

    /// <summary>What the area's commands say when a row is not there, was saved meanwhile, or deleted meanwhile.</summary>
    public static CommandTexts Commands { get; } = CommandTexts.Common(Of(NotFound)) with { Conflict = Of(Conflict) };

    /// <summary>What a domain factory made (the new entity, or the error code of the rule it broke) as a command's result.</summary>
    public static Result<T> Made<T>((T? Value, string? Error) made) where T : class => Made(made, _ => null);

    /// <summary>As the overload above, with the refusal next to the form field it concerns (<paramref name="fieldOf"/>: null for the whole form).</summary>
    public static Result<T> Made<T>((T? Value, string? Error) made, Func<string, string?> fieldOf) where T : class =>
        made.Value is { } value ? Result<T>.Ok(value) : Result<T>.Invalid(fieldOf(made.Error!) ?? Problem.Form, Of(made.Error!));

    /// <summary>A domain rule's refusal (its error code), or null when it held.</summary>
    public static Result? Refusal(string? error) => error is null ? null : Result.Invalid(Of(error));
}
