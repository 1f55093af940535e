using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>Posts by need: room, closing, capacity not below the live claims, withdrawing.</summary>
public sealed class ServicePostTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ServicePost.Details Details(int capacity = 2) => new("楼栋长", ServiceCategory.BuildingLeader, "联系本楼居民，收集诉求", "每周六上午", capacity);

    [Fact]
    public void A_post_takes_claims_up_to_its_capacity_while_open()
    {
        var post = ServicePost.Create(10, Details(capacity: 2)).Post!;
        var (claim, error) = PostClaim.Make(post, claimed: 1, ClaimantKind.Member, 7, "u-7", Now);
        Assert.Null(error);
        Assert.True(claim!.IsLive);
        Assert.Equal(ServicePost.ErrorFull, PostClaim.Make(post, claimed: 2, ClaimantKind.Unit, 500, "u-l", Now).Error);
        post.SetOpen(false);
        Assert.Equal(ServicePost.ErrorClosed, PostClaim.Make(post, claimed: 0, ClaimantKind.Member, 8, "u-8", Now).Error);
    }

    [Fact]
    public void The_capacity_cannot_drop_below_the_live_claims_and_bad_details_are_refused()
    {
        var post = ServicePost.Create(10, Details(capacity: 3)).Post!;
        Assert.Equal(ServicePost.ErrorCapacity, post.Change(Details(capacity: 1), claimed: 2));
        Assert.Null(post.Change(Details(capacity: 2), claimed: 2));
        Assert.Equal(ServicePost.ErrorName, ServicePost.Create(10, Details() with { Name = "" }).Error);
        Assert.Equal(ServicePost.ErrorCapacity, ServicePost.Create(10, Details(capacity: 0)).Error);
        Assert.Equal(ServicePost.ErrorCategory, ServicePost.Create(10, Details() with { Category = (ServiceCategory)0 }).Error);
        Assert.Equal(ServicePost.ErrorSchedule, ServicePost.Create(10, Details() with { Schedule = new string('周', ServicePost.ScheduleMaxLength + 1) }).Error);
    }

    [Fact]
    public void A_claim_is_withdrawn_once_and_kept()
    {
        var post = ServicePost.Create(10, Details()).Post!;
        var claim = PostClaim.Make(post, 0, ClaimantKind.Member, 7, "u-7", Now).Claim!;
        Assert.Null(claim.Withdraw(Now.AddDays(3)));
        Assert.False(claim.IsLive);
        Assert.Equal(PostClaim.ErrorWithdrawn, claim.Withdraw(Now.AddDays(4)));
    }
}
