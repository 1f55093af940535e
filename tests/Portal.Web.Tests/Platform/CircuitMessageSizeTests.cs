using System.Text.RegularExpressions;
using Portal.Domain.Announcements;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// The circuit's message limit is chosen from the fields' limits (decision 0017): raising a field's limit, or lowering the
/// circuit's, must not bring back the disconnect of issue 10, item 2.
/// </summary>
public sealed partial class CircuitMessageSizeTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>JSON escapes a control character as \u0001: six bytes for one character, the worst case.</summary>
    private const int WorstBytesPerCharacter = 6;

    /// <summary>The event's own JSON around the value (ids, event name, field name), generously.</summary>
    private const int Envelope = 4 * 1024;

    private static readonly (string Field, int Limit)[] Fields =
    [
        ("announcement body", Announcement.BodyMaxLength),
        ("minutes", MinutesService.DraftMaxLength),
        ("need description", WorkItem.DescriptionMaxLength),
        ("progress note", WorkItemEvent.NoteMaxLength),
        ("topic description", Topic.DescriptionMaxLength),
        ("agenda notes and outcome", AgendaItem.TextMaxLength),
    ];

    [Fact]
    public void Text_twice_as_long_as_any_field_allows_reaches_the_server_whatever_its_characters()
    {
        foreach (var (field, limit) in Fields)
            Assert.True(2L * limit * WorstBytesPerCharacter + Envelope <= PlatformExtensions.CircuitMessageSizeLimit,
                $"{field}: {limit} characters need up to {2L * limit * WorstBytesPerCharacter + Envelope} bytes");
    }

    [Fact]
    public async Task The_page_script_cuts_a_value_before_it_could_exceed_the_limit()
    {
        using var client = portal.Anonymous();
        var script = await client.GetStringAsync("/assets/js/portal.js", Ct);

        var longest = long.Parse(LongestSentValue().Match(script).Groups[1].Value);
        Assert.True(longest * WorstBytesPerCharacter + Envelope <= PlatformExtensions.CircuitMessageSizeLimit);
        Assert.True(longest > 2L * Fields.Max(f => f.Limit), "a text a little over its limit must still arrive whole to get its message");
    }

    [GeneratedRegex(@"const longestSentValue = (\d+);")]
    private static partial Regex LongestSentValue();
}
