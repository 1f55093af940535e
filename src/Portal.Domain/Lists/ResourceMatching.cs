namespace Portal.Domain.Lists;

/// <summary>What a need asks for, as far as matching cares.</summary>
public sealed record NeedProfile(string Category, int CommunityId, int? GridId, int QuantityWanted = 1);

/// <summary>A resource on the resources list that could serve a need.</summary>
public sealed record ResourceCandidate(
    int Id,
    IReadOnlySet<string> Categories,
    int StreetId,
    int? CommunityId,
    int? GridId,
    int RemainingCapacity,
    bool Available);

/// <summary>Why a resource is suggested; the UI turns each into a localized sentence.</summary>
public enum MatchReason
{
    /// <summary>The resource is offered for the need's category.</summary>
    CategoryFit = 1,
    SameGrid = 2,
    SameCommunity = 3,
    /// <summary>Offered street-wide (a unit attached to the street, not to one community).</summary>
    SameStreet = 4,
    /// <summary>Enough remaining capacity for what the need asks.</summary>
    EnoughCapacity = 5,
    /// <summary>Some capacity left, less than asked: it can cover part of the need.</summary>
    PartialCapacity = 6,
}

public sealed record ResourceSuggestion(int ResourceId, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Ranks resources for a need by category fit, nearness and remaining capacity, and says why. Unavailable resources
/// and those with no capacity left are never suggested; a resource in another category is suggested only when nothing
/// fits (a street office would rather see a near venue than nothing), ranked below every fitting one.
/// </summary>
public static class ResourceMatching
{
    // Weights: category dominates nearness, nearness dominates capacity, so the order reads naturally.
    private const int CategoryWeight = 100;
    private const int GridWeight = 30;
    private const int CommunityWeight = 20;
    private const int StreetWeight = 10;
    private const int FullCapacityWeight = 5;
    private const int PartialCapacityWeight = 2;

    public static IReadOnlyList<ResourceSuggestion> Rank(NeedProfile need, IEnumerable<ResourceCandidate> resources, int max = 10)
    {
        var usable = resources.Where(r => r.Available && r.RemainingCapacity > 0).ToList();
        var anyFits = usable.Any(r => r.Categories.Contains(need.Category));

        return usable
            .Where(r => !anyFits || r.Categories.Contains(need.Category))
            .Select(r => Score(need, r))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.ResourceId)
            .Take(max)
            .ToList();
    }

    private static ResourceSuggestion Score(NeedProfile need, ResourceCandidate resource)
    {
        var reasons = new List<MatchReason>();
        var score = 0;
        if (resource.Categories.Contains(need.Category))
        {
            score += CategoryWeight;
            reasons.Add(MatchReason.CategoryFit);
        }
        if (need.GridId is { } grid && resource.GridId == grid)
        {
            score += GridWeight;
            reasons.Add(MatchReason.SameGrid);
        }
        else if (resource.CommunityId == need.CommunityId)
        {
            score += CommunityWeight;
            reasons.Add(MatchReason.SameCommunity);
        }
        else if (resource.CommunityId is null)
        {
            score += StreetWeight;
            reasons.Add(MatchReason.SameStreet);
        }
        if (resource.RemainingCapacity >= need.QuantityWanted)
        {
            score += FullCapacityWeight;
            reasons.Add(MatchReason.EnoughCapacity);
        }
        else
        {
            score += PartialCapacityWeight;
            reasons.Add(MatchReason.PartialCapacity);
        }
        return new ResourceSuggestion(resource.Id, score, reasons);
    }
}
