using Microsoft.Extensions.Localization;

namespace Portal.Web.Kit.Results;

/// <summary>
/// The one place a <see cref="Message"/> becomes text in the reader's language (the current UI culture): used by
/// <c>ResultView</c>, by pages for their snackbars, and by endpoints and the hub. Singleton.
/// </summary>
public sealed class ResultText(IStringLocalizerFactory localizers)
{
    /// <summary>
    /// The message in the reader's language; an argument that is itself a <see cref="Message"/> (a field's label) is put
    /// into the same language first.
    /// </summary>
    public string this[Message message] =>
        localizers.Create(message.Texts)[message.Key, message.Args.Select(a => a is Message inner ? this[inner] : a).ToArray()];

    /// <summary>The message's text, or null when there is none.</summary>
    public string? Of(Message? message) => message is null ? null : this[message];

    /// <summary>The text of the result's message for <paramref name="field"/> (the whole form's by default).</summary>
    public string? Of(Result? result, string field = Problem.Form) => Of(result?.MessageOf(field));

    /// <summary>Every problem's text by field (the first per field), for forms that show them next to their inputs.</summary>
    public IReadOnlyDictionary<string, string> ByField(Result? result)
    {
        var texts = new Dictionary<string, string>();
        if (result is null) return texts;
        foreach (var problem in result.Problems) texts.TryAdd(problem.Field, this[problem.Message]);
        return texts;
    }
}
