using Bunit;
using MudBlazor;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Accounts.Administration;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Pages;
using Portal.Web.Features.Councils.Topics;
using Portal.Web.Features.Lists;
using Portal.Components.Tests.Accounts;
using static Portal.Components.Tests.CouncilTopics.TopicTestData;

namespace Portal.Components.Tests.Shared;

/// <summary>
/// The kit's status chip: a word with the colour of its tone, one meaning per tone in one place; and the slices' status
/// chips are this one chip (each slice only maps its statuses to a tone and a word).
/// </summary>
public sealed class StatusChipTests : PortalComponentTest
{
    [Theory]
    [InlineData(StatusTone.Neutral, "mud-chip-color-default")]
    [InlineData(StatusTone.Info, "mud-chip-color-info")]
    [InlineData(StatusTone.Warning, "mud-chip-color-warning")]
    [InlineData(StatusTone.Success, "mud-chip-color-success")]
    [InlineData(StatusTone.Error, "mud-chip-color-error")]
    public void Each_tone_has_its_one_colour_and_the_word_is_always_there(StatusTone tone, string colour)
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Text, "处理中").Add(c => c.Tone, tone).Add(c => c.TestId, "s"));

        var root = chip.Find("[data-testid=s]");
        Assert.Contains(colour, root.ClassList);
        Assert.Contains("kit-status-chip", root.ClassList);
        Assert.Equal("处理中", root.TextContent.Trim());
        Assert.Equal(tone.ToString(), root.GetAttribute("data-tone"));
    }

    [Fact]
    public void No_two_tones_share_a_colour()
    {
        var colours = Enum.GetValues<StatusTone>().Select(StatusTones.ColorOf).ToList();

        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.DoesNotContain(Color.Primary, colours); // Party red is the page's main action, never a status.
    }

    [Fact]
    public void It_carries_the_status_s_own_name_and_other_attributes_for_tests_and_scripts()
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Text, "优秀").Add(c => c.Tone, StatusTone.Success).Add(c => c.Status, "Excellent")
            .Add(c => c.TestId, "grade").AddUnmatched("data-grade", "Excellent").AddUnmatched("title", "履诺评价"));

        var root = chip.Find("[data-testid=grade]");
        Assert.Equal("Excellent", root.GetAttribute("data-status"));
        Assert.Equal("Excellent", root.GetAttribute("data-grade"));
        Assert.Equal("履诺评价", root.GetAttribute("title"));
    }

    [Fact]
    public void An_icon_is_shown_beside_the_word_only_when_given()
    {
        var plain = Render<StatusChip>(p => p.Add(c => c.Text, "已提出").Add(c => c.Tone, StatusTone.Info));
        var withIcon = Render<StatusChip>(p => p.Add(c => c.Text, "已停用").Add(c => c.Tone, StatusTone.Error).Add(c => c.Icon, Icons.Material.Filled.Block));

        Assert.Empty(plain.FindAll("svg"));
        Assert.Single(withIcon.FindAll("svg"));
        Assert.Equal("已停用", withIcon.Find(".mud-chip").TextContent.Trim());
    }

    [Fact]
    public void The_slices_status_chips_are_the_kit_chip()
    {
        var chips = new[]
        {
            Render<StatusBadge>(p => p.Add(b => b.Status, WorkItemStatus.Dispatched).Add(b => b.TestId, "c")).Find("[data-testid=c]"),
            Render<MeetingStatusChip>(p => p.Add(c => c.Status, MeetingStatus.Scheduled).Add(c => c.TestId, "c")).Find("[data-testid=c]"),
            Render<MeetingTopicsHeader>(p => p.Add(h => h.Model, Model())).Find("[data-testid=topics-meeting-status]"),
            Render<AccountStatus>(p => p.Add(s => s.Account, AccountStatusTests.Account(disabled: true))).Find("[data-testid=account-status]"),
        };

        Assert.All(chips, chip => Assert.Contains("kit-status-chip", chip.ClassList));
    }

    /// <summary>Failed before the chips were one: the meeting list coloured an ended meeting amber, its header green.</summary>
    [Theory]
    [MemberData(nameof(MeetingStatuses))]
    public void A_meeting_s_status_has_the_same_colour_in_the_list_and_on_its_topics_page(MeetingStatus status)
    {
        var inList = Render<MeetingStatusChip>(p => p.Add(c => c.Status, status)).Find("[data-testid=meeting-status]");
        var onPage = Render<MeetingTopicsHeader>(p => p.Add(h => h.Model, Model(status))).Find("[data-testid=topics-meeting-status]");

        Assert.Equal(ColourOf(inList), ColourOf(onPage));
        Assert.Equal(inList.TextContent.Trim(), onPage.TextContent.Trim());
    }

    public static TheoryData<MeetingStatus> MeetingStatuses() => new(Enum.GetValues<MeetingStatus>());

    private static string ColourOf(AngleSharp.Dom.IElement chip) => chip.ClassList.Single(c => c.StartsWith("mud-chip-color-", StringComparison.Ordinal));
}
