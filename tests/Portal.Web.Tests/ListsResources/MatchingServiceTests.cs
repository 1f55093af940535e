using Portal.Web.Features.Lists.Projects;
using Portal.Web.Kit.Results;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Directory;
using Portal.Web.Features.Lists.Resources;
using Portal.Web.Components.Shared;

namespace Portal.Web.Tests.ListsResources;

/// <summary>Matching from database data: order and reasons, and who may ask.</summary>
public sealed class MatchingServiceTests(ListsServer server) : IClassFixture<ListsServer>
{
    private async Task<int> ResourceAsync(string user, string unit, string title, string category, int capacity)
    {
        var form = new ResourceForm
        {
            UnitId = await server.UnitIdAsync(unit), Kind = ResourceKind.Expertise, Title = title,
            Categories = [category], Capacity = capacity, CapacityUnit = "场",
        };
        var saved = await server.AsAsync<ResourceService, Result<ResourceForm>>(user, s => s.SaveAsync(form));
        Assert.True(saved.Succeeded, string.Join(";", saved.Problems));
        return saved.Id;
    }

    [Fact]
    public async Task Suggestions_rank_by_category_then_nearness_and_say_why_in_chinese()
    {
        var sameCommunity = await ResourceAsync("liaison", "东城区第二人民医院", "法律咨询（医院法务）", WorkItemCategories.Legal, 3);
        var streetWide = await ResourceAsync("admin", "和平里街道办事处", "街道法律顾问", WorkItemCategories.Legal, 5);
        var otherCommunity = await ResourceAsync("admin", "中国邮政和平里营业部", "邮政法律讲座", WorkItemCategories.Legal, 1);
        var otherCategory = await ResourceAsync("liaison", "东城区第二人民医院", "医院会议室", WorkItemCategories.Venue, 50);
        var exhausted = await ResourceAsync("admin", "和平里第四小学", "容量为零的法律服务", WorkItemCategories.Legal, 0);
        var need = await server.AddNeedAsync("遗产纠纷咨询", WorkItemCategories.Legal);

        var result = await server.AsAsync<MatchingService, MatchResult?>("secretary", s => s.SuggestForNeedAsync(need));
        Assert.NotNull(result);
        Assert.True(result.CanCreateProject);
        // The demo data has resources of its own; these five decide among themselves.
        int[] ours = [sameCommunity, streetWide, otherCommunity, otherCategory, exhausted];
        var suggested = result.Suggestions.Where(s => ours.Contains(s.ResourceId)).ToList();
        Assert.Equal([sameCommunity, streetWide, otherCommunity], suggested.Select(s => s.ResourceId));
        Assert.True(result.Suggestions.SequenceEqual(result.Suggestions.OrderByDescending(s => s.Score)));
        Assert.Equal(["同类资源", "同一社区", "容量充足"], suggested[0].ReasonTexts);
        Assert.Equal(["同类资源", "全街道可用", "容量充足"], suggested[1].ReasonTexts);
        Assert.Equal([MatchReason.CategoryFit, MatchReason.EnoughCapacity], suggested[2].Reasons);
    }

    [Fact]
    public async Task Residents_and_other_communities_cannot_match_a_need()
    {
        var need = await server.AddNeedAsync("门禁维修", WorkItemCategories.Safety);
        Assert.Null(await server.AsAsync<MatchingService, MatchResult?>("resident", s => s.SuggestForNeedAsync(need)));
        Assert.Null(await server.AsAsync<MatchingService, MatchResult?>("resident2", s => s.SuggestForNeedAsync(need)));
        Assert.Null(await server.AsAsync<MatchingService, MatchResult?>("liaison", s => s.SuggestForNeedAsync(need)));
        Assert.NotNull(await server.AsAsync<MatchingService, MatchResult?>("admin", s => s.SuggestForNeedAsync(need)));
    }
}
