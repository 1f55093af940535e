using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Data;

/// <summary>Issue 10, item 5: search terms are read by the one text rule, like everything else a person types (SQLite).</summary>
public sealed class SearchTermTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    [Fact]
    public Task A_term_with_zero_width_or_NUL_characters_finds_what_the_visible_term_finds_in_every_search() =>
        SearchProbes.AssertHiddenCharactersChangeNoSearchAsync(fixture.Host);
}
