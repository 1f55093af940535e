namespace Portal.Domain.Text;

/// <summary>
/// Marks a stored text property whose value has lines (a note, a description, Markdown): the database cleans it with
/// <see cref="UserText.MultiLine"/> instead of <see cref="UserText.SingleLine"/>, the default for every other string.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineTextAttribute : Attribute;

/// <summary>
/// Marks a stored string that must stay byte for byte as written (a hash, a token, a generated file name, a JSON document),
/// or a whole entity of such strings: the database never cleans it. Only for values the portal writes itself, never for
/// text a person gave.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class VerbatimTextAttribute : Attribute;
