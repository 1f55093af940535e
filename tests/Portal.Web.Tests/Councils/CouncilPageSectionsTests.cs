using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Features.Councils;
using Portal.Web.Kit.Sections;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Councils.Review;
using Portal.Web.Features.Councils.Topics;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Councils;

/// <summary>
/// The council pages show other slices' pieces through registered sections (decision 0024): each slice's piece is in its
/// slot, and a component that does not take the slot's parameters is refused when it is registered, not on the page.
/// </summary>
public sealed class CouncilPageSectionsTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    [Fact]
    public void The_portal_shows_the_review_link_topics_tasks_and_each_meetings_topics_link_in_their_slots()
    {
        // In the order Program registers the slices (Topics, Minutes, Review), which is the order within a slot.
        var sections = fixture.Host.Services.GetServices<PageSection>().Where(s => s.Slot is CouncilPageSlot).ToList();

        Assert.Equal(
            [
                new PageSection(CouncilPageSlot.Calendar, typeof(CouncilTopicsSection)),
                new PageSection(CouncilPageSlot.MeetingRow, typeof(MeetingTopicsLink)),
                new PageSection(CouncilPageSlot.AfterCalendar, typeof(CouncilTasks)),
                new PageSection(CouncilPageSlot.Links, typeof(ReviewLink)),
            ],
            sections);
    }

    [Fact]
    public void A_component_without_the_slots_parameters_is_refused_at_registration()
    {
        var services = new ServiceCollection();

        // The status chip takes a status but no council id, and no meeting id.
        var noCouncil = Assert.Throws<InvalidOperationException>(() => services.AddPageSection<MeetingStatusChip>(CouncilPageSlot.Links));
        Assert.Contains("CouncilId", noCouncil.Message);
        Assert.Throws<InvalidOperationException>(() => services.AddPageSection<MeetingStatusChip>(CouncilPageSlot.MeetingRow));
        // The review link takes a council id, so it fits every council slot but not a meeting's row.
        Assert.Throws<InvalidOperationException>(() => services.AddPageSection<ReviewLink>(CouncilPageSlot.MeetingRow));
        services.AddPageSection<ReviewLink>(CouncilPageSlot.Calendar);

        Assert.Equal(new PageSection(CouncilPageSlot.Calendar, typeof(ReviewLink)),
            Assert.Single(services.BuildServiceProvider().GetServices<PageSection>()));
    }
}
