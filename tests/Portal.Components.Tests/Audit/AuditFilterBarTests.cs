using MudBlazor;
using Portal.Domain.Auditing;
using Portal.Web.Features.Audit;

namespace Portal.Components.Tests.Audit;

/// <summary>The audit log's filter bar: its fields in both languages, the date range check, search and reset.</summary>
public sealed class AuditFilterBarTests : PortalComponentTest
{
    private static readonly IReadOnlyList<AuditChoice> Types = [new("Street", "街道"), new("Household", "住户")];

    private int _searches;
    private int _resets;

    private IRenderedComponent<AuditFilterBar> RenderBar(AuditFilterModel model)
    {
        UsePopovers();
        return Render<AuditFilterBar>(p => p
            .Add(b => b.Model, model)
            .Add(b => b.EntityTypes, Types)
            .Add(b => b.OnSearch, () => _searches++)
            .Add(b => b.OnReset, () => _resets++));
    }

    private static string LabelOf(IRenderedComponent<AuditFilterBar> bar, string testId)
    {
        var id = bar.Find($"[data-testid={testId}]").Id;
        return bar.Find($"label[for='{id}']").TextContent.Trim();
    }

    [Theory]
    [InlineData("zh-CN", "用户", "对象类型", "操作", "开始日期", "结束日期", "查询", "重置", "全部")]
    [InlineData("en", "User", "Entity type", "Action", "From", "To", "Search", "Reset", "Any")]
    public void Every_filter_is_labelled_in_the_users_language(string culture, string user, string type, string action, string from, string to,
        string search, string reset, string any)
    {
        UseCulture(culture);

        var bar = RenderBar(new AuditFilterModel());

        Assert.Equal(user, LabelOf(bar, "audit-filter-user"));
        Assert.Equal(type, LabelOf(bar, "audit-filter-type"));
        Assert.Equal(action, LabelOf(bar, "audit-filter-action"));
        Assert.Equal(from, LabelOf(bar, "audit-filter-from"));
        Assert.Equal(to, LabelOf(bar, "audit-filter-to"));
        Assert.Equal(any, bar.Find("[data-testid=audit-filter-type]").GetAttribute("placeholder"));
        Assert.Equal(search, bar.Find("[data-testid=audit-search]").TextContent.Trim());
        Assert.Equal("submit", bar.Find("[data-testid=audit-search]").GetAttribute("type"));
        Assert.Equal(reset, bar.Find("[data-testid=audit-reset]").TextContent.Trim());
        Assert.Empty(bar.FindAll("[data-testid=audit-range-error]"));
    }

    [Theory]
    [InlineData("zh-CN", "新增", "街道")]
    [InlineData("en", "Create", "Street")]
    public void Chosen_values_show_by_name_and_dates_as_people_write_them(string culture, string create, string street)
    {
        UseCulture(culture);
        var types = culture == "en" ? [new AuditChoice("Street", "Street")] : Types;
        UsePopovers();

        var bar = Render<AuditFilterBar>(p => p
            .Add(b => b.Model, new AuditFilterModel { EntityType = "Street", Action = AuditAction.Create, From = new DateTime(2026, 12, 1) })
            .Add(b => b.EntityTypes, types));

        Assert.Equal(street, bar.Find("[data-testid=audit-filter-type]").GetAttribute("value"));
        Assert.Equal(create, bar.Find("[data-testid=audit-filter-action]").GetAttribute("value"));
        Assert.Equal("2026-12-01", bar.Find("[data-testid=audit-filter-from]").GetAttribute("value"));
    }

    [Fact]
    public void A_start_after_the_end_is_refused_next_to_the_dates_and_nothing_is_searched()
    {
        var bar = RenderBar(new AuditFilterModel { From = new DateTime(2026, 12, 6), To = new DateTime(2026, 12, 1) });

        bar.Find("form").Submit();

        Assert.Equal(0, _searches);
        Assert.Equal("开始日期不能晚于结束日期。", bar.Find("[data-testid=audit-range-error]").TextContent.Trim());
        Assert.Equal("alert", bar.Find("[data-testid=audit-range-error]").GetAttribute("role"));
        Assert.Equal("true", bar.Find("[data-testid=audit-filter-from]").GetAttribute("aria-invalid"));
        Assert.Equal("true", bar.Find("[data-testid=audit-filter-to]").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_range_of_one_day_searches_and_reset_clears_a_refusal()
    {
        var model = new AuditFilterModel { From = new DateTime(2026, 12, 6), To = new DateTime(2026, 12, 6) };
        var bar = RenderBar(model);

        bar.Find("form").Submit();
        Assert.Equal(1, _searches);
        Assert.Empty(bar.FindAll("[data-testid=audit-range-error]"));

        model.To = new DateTime(2026, 12, 5);
        bar.Find("form").Submit();
        Assert.Equal(1, _searches);
        Assert.NotEmpty(bar.FindAll("[data-testid=audit-range-error]"));

        bar.Find("[data-testid=audit-reset]").Click();
        Assert.Equal(1, _resets);
        Assert.Empty(bar.FindAll("[data-testid=audit-range-error]"));
    }

    [Fact]
    public void Typing_a_user_and_pressing_enter_searches_with_what_was_typed()
    {
        var model = new AuditFilterModel();
        var bar = RenderBar(model);

        bar.Find("[data-testid=audit-filter-user]").Input("admin");
        bar.Find("form").Submit();

        Assert.Equal(1, _searches);
        Assert.Equal("admin", model.UserName);
    }
}
