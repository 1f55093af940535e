using Portal.Domain.Lists;

namespace Portal.Domain.Tests.Lists;

public sealed class ResourceMatchingTests
{
    private static readonly NeedProfile ElderlyCareInGrid3 = new("ElderlyCare", CommunityId: 1, GridId: 3, QuantityWanted: 5);

    private static ResourceCandidate Resource(int id, string category, int? community, int? grid, int capacity = 10, bool available = true) =>
        new(id, new HashSet<string> { category }, StreetId: 1, community, grid, capacity, available);

    [Fact]
    public void Fitting_resources_rank_by_nearness_then_capacity_and_say_why()
    {
        var ranked = ResourceMatching.Rank(ElderlyCareInGrid3,
        [
            Resource(1, "ElderlyCare", community: 2, grid: 7),       // other community
            Resource(2, "ElderlyCare", community: null, grid: null), // street-wide
            Resource(3, "ElderlyCare", community: 1, grid: 4),       // same community, other grid
            Resource(4, "ElderlyCare", community: 1, grid: 3, capacity: 2), // same grid, too little capacity
            Resource(5, "ElderlyCare", community: 1, grid: 3),       // same grid, enough
        ]);

        Assert.Equal([5, 4, 3, 2, 1], ranked.Select(s => s.ResourceId));
        Assert.Equal([MatchReason.CategoryFit, MatchReason.SameGrid, MatchReason.EnoughCapacity], ranked[0].Reasons);
        Assert.Equal([MatchReason.CategoryFit, MatchReason.SameGrid, MatchReason.PartialCapacity], ranked[1].Reasons);
        Assert.Equal([MatchReason.CategoryFit, MatchReason.SameCommunity, MatchReason.EnoughCapacity], ranked[2].Reasons);
        Assert.Equal([MatchReason.CategoryFit, MatchReason.SameStreet, MatchReason.EnoughCapacity], ranked[3].Reasons);
        Assert.Equal([MatchReason.CategoryFit, MatchReason.EnoughCapacity], ranked[4].Reasons);
    }

    [Fact]
    public void A_fitting_resource_far_away_outranks_a_near_one_of_another_category_which_is_left_out()
    {
        var ranked = ResourceMatching.Rank(ElderlyCareInGrid3,
        [
            Resource(1, "Venue", community: 1, grid: 3),
            Resource(2, "ElderlyCare", community: 2, grid: 7),
        ]);

        Assert.Equal([2], ranked.Select(s => s.ResourceId));
    }

    [Fact]
    public void When_nothing_fits_near_resources_of_other_categories_are_offered_without_a_category_reason()
    {
        var ranked = ResourceMatching.Rank(ElderlyCareInGrid3,
        [
            Resource(1, "Venue", community: 2, grid: 7),
            Resource(2, "Venue", community: 1, grid: 3),
        ]);

        Assert.Equal([2, 1], ranked.Select(s => s.ResourceId));
        Assert.DoesNotContain(MatchReason.CategoryFit, ranked[0].Reasons);
    }

    [Fact]
    public void Unavailable_and_exhausted_resources_are_never_suggested()
    {
        var ranked = ResourceMatching.Rank(ElderlyCareInGrid3,
        [
            Resource(1, "ElderlyCare", community: 1, grid: 3, available: false),
            Resource(2, "ElderlyCare", community: 1, grid: 3, capacity: 0),
            Resource(3, "ElderlyCare", community: 2, grid: 7),
        ]);

        Assert.Equal([3], ranked.Select(s => s.ResourceId));
    }

    [Fact]
    public void At_most_the_requested_number_are_returned_and_ties_keep_a_stable_order()
    {
        var ranked = ResourceMatching.Rank(ElderlyCareInGrid3,
            Enumerable.Range(1, 20).Select(i => Resource(21 - i, "ElderlyCare", community: 1, grid: 3)), max: 3);

        Assert.Equal([1, 2, 3], ranked.Select(s => s.ResourceId));
    }
}
