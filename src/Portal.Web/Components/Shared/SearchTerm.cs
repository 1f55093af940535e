using Portal.Domain.Text;

namespace Portal.Web.Components.Shared;

/// <summary>A list's query with a search box (or a <c>q</c> in its address): the words as the person typed them.</summary>
public interface ISearchQuery
{
    string? Search { get; }
}

/// <summary>
/// The one way a search term reaches a database query. A term is text a person typed like any other, so it is read by the
/// one text rule (<see cref="UserText.SingleLineOrNull"/>) before it is compared with stored text, which that rule cleaned:
/// a NUL would make PostgreSQL refuse the whole query (22021), and a zero-width character or a decomposed accent would
/// never match. What is left of a term of invisible characters only is no term.
/// </summary>
public static class SearchTerm
{
    extension(ISearchQuery query)
    {
        /// <summary>The term to search for, cleaned as stored text is; null when there is nothing to search for.</summary>
        public string? Term => UserText.SingleLineOrNull(query.Search);
    }
}
