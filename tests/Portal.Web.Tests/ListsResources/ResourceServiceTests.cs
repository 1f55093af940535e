using Portal.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Directory;
using Portal.Web.Features.Lists.Resources;
using Portal.Web.Tests.Data;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.ListsResources;

/// <summary>The resources list on the real portal: who publishes, who sees, and the capacity rules.</summary>
public sealed class ResourceServiceTests(ListsServer server) : IClassFixture<ListsServer>
{
    private const string Hospital = "东城区第二人民医院";
    private const string School = "和平里第四小学";
    private const string PostOffice = "中国邮政和平里营业部";

    private async Task<ResourceForm> NewFormAsync(string unit, string title, int capacity = 10) => new()
    {
        UnitId = await server.UnitIdAsync(unit), Kind = ResourceKind.Volunteers, Title = title, Description = "每周六上午",
        Categories = [WorkItemCategories.ElderlyCare], Capacity = capacity, CapacityUnit = "人",
    };

    private Task<Result<ResourceForm>> SaveAsync(string user, ResourceForm form) =>
        server.AsAsync<ResourceService, Result<ResourceForm>>(user, s => s.SaveAsync(form));

    private async Task<int> CountAsync(string title)
    {
        await using var db = await server.DbAsync();
        return await db.Resources.CountAsync(r => r.Title == title);
    }

    [Fact]
    public async Task A_liaison_publishes_for_their_unit_and_the_community_sees_it_without_edit_rights()
    {
        var saved = await SaveAsync("liaison", await NewFormAsync(Hospital, "医院志愿者助老服务"));
        Assert.True(saved.Succeeded, string.Join(";", saved.Problems));

        var forLiaison = await server.AsAsync<ResourceService, PagedResult<ResourceRow>>("liaison", s => s.ListAsync(new ResourceQuery("助老服务")));
        Assert.True(Assert.Single(forLiaison.Items, r => r.Id == saved.Id).CanEdit);
        var forSecretary = await server.AsAsync<ResourceService, PagedResult<ResourceRow>>("secretary", s => s.ListAsync(new ResourceQuery { Category = WorkItemCategories.ElderlyCare }));
        Assert.True(Assert.Single(forSecretary.Items, r => r.Id == saved.Id).CanEdit);
        var forResident = await server.AsAsync<ResourceService, PagedResult<ResourceRow>>("resident", s => s.ListAsync(new ResourceQuery { Kind = ResourceKind.Volunteers }));
        Assert.False(Assert.Single(forResident.Items, r => r.Id == saved.Id).CanEdit);
        // The other community's resident does not see a community unit's resource.
        var forResident2 = await server.AsAsync<ResourceService, PagedResult<ResourceRow>>("resident2", s => s.ListAsync(new ResourceQuery()));
        Assert.DoesNotContain(forResident2.Items, r => r.Id == saved.Id);

        Assert.Null(await server.AsAsync<ResourceService, ResourceForm?>("resident", s => s.GetForEditAsync(saved.Id)));
        var edit = (await server.AsAsync<ResourceService, ResourceForm?>("liaison", s => s.GetForEditAsync(saved.Id)))!;
        edit.Title = "居民改的";
        var byResident = await SaveAsync("resident", edit);
        Assert.False(byResident.Succeeded);
        Assert.Equal(0, await CountAsync("居民改的"));
    }

    [Fact]
    public async Task An_inactive_resource_is_hidden_from_residents_but_not_from_its_unit()
    {
        var form = await NewFormAsync(Hospital, "暂停的场地");
        form.IsActive = false;
        var saved = await SaveAsync("liaison", form);
        Assert.True(saved.Succeeded);
        Assert.Null(await server.AsAsync<ResourceService, ResourceRow?>("resident", s => s.GetAsync(saved.Id)));
        Assert.NotNull(await server.AsAsync<ResourceService, ResourceRow?>("liaison", s => s.GetAsync(saved.Id)));
    }

    [Fact]
    public async Task A_title_and_capacity_unit_of_only_invisible_characters_are_refused_as_missing_and_nothing_is_saved()
    {
        await using (var db = await server.DbAsync())
            Assert.Equal(0, await db.Resources.CountAsync(r => r.Title == "", TestContext.Current.CancellationToken));
        var form = await NewFormAsync(Hospital, UnsafeCharacters.Only);
        form.CapacityUnit = UnsafeCharacters.Only;

        var result = await SaveAsync("liaison", form);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写资源名称。", server.Portal.TextOf(result, ResourceFields.Title));
        Assert.Equal("请填写容量单位（如：人、平方米、元、场次）。", server.Portal.TextOf(result, ResourceFields.CapacityUnit));
        await using (var db = await server.DbAsync())
            Assert.Equal(0, await db.Resources.CountAsync(r => r.Title == "" || r.CapacityUnit == "", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Negative_capacity_reversed_availability_and_missing_fields_are_refused_with_nothing_saved()
    {
        var form = await NewFormAsync(Hospital, "负数容量");
        form.Capacity = -1;
        form.AvailableFrom = new DateOnly(2027, 3, 1);
        form.AvailableUntil = new DateOnly(2027, 2, 1);
        form.Categories = [];
        form.CapacityUnit = " ";
        var result = await SaveAsync("liaison", form);
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("容量不能为负数。", server.Portal.TextOf(result, ResourceFields.Capacity));
        Assert.Equal("可用开始日期不能晚于结束日期。", server.Portal.TextOf(result, ResourceFields.Availability));
        Assert.Contains(ResourceFields.Categories, result.Problems.Select(p => p.Field));
        Assert.Contains(ResourceFields.CapacityUnit, result.Problems.Select(p => p.Field));
        Assert.Equal(0, await CountAsync("负数容量"));
    }

    [Fact]
    public async Task A_liaison_cannot_publish_for_or_edit_another_units_resources_but_the_secretary_can()
    {
        var refused = await SaveAsync("liaison", await NewFormAsync(School, "冒名发布"));
        Assert.False(refused.Succeeded);
        Assert.Equal(0, await CountAsync("冒名发布"));

        var bySecretary = await SaveAsync("secretary", await NewFormAsync(School, "小学操场开放"));
        Assert.True(bySecretary.Succeeded);
        Assert.Null(await server.AsAsync<ResourceService, ResourceForm?>("liaison", s => s.GetForEditAsync(bySecretary.Id)));
        var form = (await server.AsAsync<ResourceService, ResourceForm?>("secretary", s => s.GetForEditAsync(bySecretary.Id)))!;
        form.Title = "联络员改的";
        Assert.False((await SaveAsync("liaison", form)).Succeeded);
        Assert.Equal(0, await CountAsync("联络员改的"));

        // A secretary manages only their own community's units.
        var otherCommunity = await SaveAsync("secretary", await NewFormAsync(PostOffice, "外社区资源"));
        Assert.False(otherCommunity.Succeeded);
        Assert.Equal(0, await CountAsync("外社区资源"));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_returns_the_current_values()
    {
        var saved = await SaveAsync("liaison", await NewFormAsync(Hospital, "并发编辑资源"));
        var first = (await server.AsAsync<ResourceService, ResourceForm?>("liaison", s => s.GetForEditAsync(saved.Id)))!;
        var second = first.Copy();
        first.Capacity = 20;
        Assert.True((await SaveAsync("liaison", first)).Succeeded);
        second.Capacity = 30;
        var conflict = await SaveAsync("secretary", second);
        Assert.Equal(Outcome.Conflict, conflict.Outcome);
        Assert.Equal(20, conflict.Current!.Capacity);
    }
}
