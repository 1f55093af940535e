using Portal.Domain.Deliberation;

namespace Portal.Domain.Tests.Deliberation;

public sealed class MatterTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly MatterScope Building = new(MatterScopeKind.Building, 40);

    internal static Matter Raised(int id = 1, int communityId = 3)
    {
        var matter = Matter.RaiseByResident(communityId, Building, "加装电梯", "5号楼老人多", "resident-1", Now).Matter!;
        matter.Id = id;
        return matter;
    }

    private static (MatterStatus, int?, string?, DateTime?, string?) Screening(Matter m) =>
        (m.Status, m.MergedIntoMatterId, m.ScreeningReason, m.ScreenedAtUtc, m.ScreenedByUserId);

    [Fact]
    public void A_resident_raises_a_matter_with_a_scope_and_no_need_link()
    {
        var (matter, error) = Matter.RaiseByResident(3, Building, " 加装电梯 ", " 5号楼老人多 ", "resident-1", Now);

        Assert.Null(error);
        Assert.Equal((3, "加装电梯", "5号楼老人多", Building, MatterOrigin.Resident, (int?)null, "resident-1", Now, MatterStatus.Raised),
            (matter!.CommunityId, matter.Title, matter.Description, matter.Scope, matter.Origin, matter.WorkItemId, matter.RaisedByUserId,
             matter.RaisedAtUtc, matter.Status));
    }

    [Fact]
    public void A_need_promoted_to_deliberation_keeps_its_work_item_id()
    {
        var (matter, error) = Matter.PromoteNeed(3, new MatterScope(MatterScopeKind.Community, 3), 77, "停车难", null, "secretary", Now);

        Assert.Null(error);
        Assert.Equal((MatterOrigin.Need, (int?)77, ""), (matter!.Origin, matter.WorkItemId, matter.Description));
    }

    [Theory]
    [InlineData(3, MatterScopeKind.Building, 40, " ", null, Matter.ErrorTitle)]
    [InlineData(3, MatterScopeKind.Building, 0, "加装电梯", null, Matter.ErrorScope)]
    [InlineData(3, (MatterScopeKind)9, 40, "加装电梯", null, Matter.ErrorScope)]
    [InlineData(3, MatterScopeKind.Community, 4, "加装电梯", null, Matter.ErrorScope)]
    [InlineData(0, MatterScopeKind.Grid, 4, "加装电梯", null, Matter.ErrorScope)]
    [InlineData(3, MatterScopeKind.Grid, 4, "加装电梯", Matter.DescriptionMaxLength + 1, Matter.ErrorDescription)]
    public void An_invalid_matter_is_refused(int communityId, MatterScopeKind kind, int scopeId, string title, int? descriptionLength, string expected)
    {
        var description = descriptionLength is { } n ? new string('字', n) : null;

        Assert.Equal((null, expected), Matter.RaiseByResident(communityId, new MatterScope(kind, scopeId), title, description, "r", Now));
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused_and_one_at_the_limit_taken()
    {
        Assert.Equal(Matter.ErrorTitle, Matter.RaiseByResident(3, Building, new string('题', Matter.TitleMaxLength + 1), null, "r", Now).Error);
        Assert.Null(Matter.RaiseByResident(3, Building, new string('题', Matter.TitleMaxLength), null, "r", Now).Error);
    }

    [Fact]
    public void Promoting_needs_a_work_item()
    {
        Assert.Equal((null, Matter.ErrorWorkItem), Matter.PromoteNeed(3, Building, 0, "停车难", null, "s", Now));
    }

    [Fact]
    public void The_secretary_accepts_a_raised_matter_and_the_raiser_is_told()
    {
        var matter = Raised();

        Assert.Null(matter.Accept("secretary", Now.AddDays(1)));

        Assert.Equal((MatterStatus.Accepted, (int?)null, (string?)null, (DateTime?)Now.AddDays(1), "secretary"), Screening(matter));
        Assert.Equal([new MatterScreened(1, MatterStatus.Accepted, "resident-1")], matter.TakeEvents());
    }

    [Fact]
    public void Declining_keeps_the_reason_the_raiser_sees()
    {
        var matter = Raised();

        Assert.Null(matter.Decline(" 属于物业维修范围 ", "secretary", Now));

        Assert.Equal((MatterStatus.Declined, "属于物业维修范围"), (matter.Status, matter.ScreeningReason));
        Assert.Equal([new MatterScreened(1, MatterStatus.Declined, "resident-1")], matter.TakeEvents());
    }

    [Fact]
    public void Merging_into_a_live_matter_of_the_same_community_records_the_target_and_reason()
    {
        var matter = Raised(1);
        var target = Raised(2);
        target.Accept("secretary", Now);

        Assert.Null(matter.MergeInto(target, "同一事项", "secretary", Now));

        Assert.Equal((MatterStatus.Merged, (int?)2, "同一事项"), (matter.Status, matter.MergedIntoMatterId, matter.ScreeningReason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" \n ")]
    public void Declining_or_merging_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var matter = Raised(1);
        var before = Screening(matter);

        Assert.Equal(Matter.ErrorReasonRequired, matter.Decline(reason, "secretary", Now));
        Assert.Equal(Matter.ErrorReasonRequired, matter.MergeInto(Raised(2), reason, "secretary", Now));
        Assert.Equal(Matter.ErrorReasonRequired, matter.Decline(new string('因', Matter.ReasonMaxLength + 1), "secretary", Now));

        Assert.Equal(before, Screening(matter));
        Assert.Empty(matter.TakeEvents());
    }

    [Fact]
    public void Merging_into_itself_another_community_or_a_closed_matter_is_refused_and_changes_nothing()
    {
        var matter = Raised(1);
        var declined = Raised(3);
        declined.Decline("不属于本社区", "secretary", Now);
        declined.TakeEvents();
        var before = Screening(matter);

        Assert.Equal(Matter.ErrorMergeTarget, matter.MergeInto(matter, "同一事项", "secretary", Now));
        Assert.Equal(Matter.ErrorMergeTarget, matter.MergeInto(Raised(2, communityId: 4), "同一事项", "secretary", Now));
        Assert.Equal(Matter.ErrorMergeTarget, matter.MergeInto(declined, "同一事项", "secretary", Now));

        Assert.Equal(before, Screening(matter));
        Assert.Empty(matter.TakeEvents());
    }

    [Fact]
    public void A_screened_matter_is_not_screened_again()
    {
        var matter = Raised();
        matter.Accept("secretary", Now);
        matter.TakeEvents();
        var before = Screening(matter);

        Assert.Equal(Matter.ErrorNotRaised, matter.Accept("other", Now.AddDays(1)));
        Assert.Equal(Matter.ErrorNotRaised, matter.Decline("改变主意", "other", Now.AddDays(1)));
        Assert.Equal(Matter.ErrorNotRaised, matter.MergeInto(Raised(2), "同一事项", "other", Now.AddDays(1)));

        Assert.Equal(before, Screening(matter));
        Assert.Empty(matter.TakeEvents());
    }
}
