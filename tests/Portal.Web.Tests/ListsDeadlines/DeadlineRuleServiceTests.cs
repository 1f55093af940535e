using Portal.Web.Features.Lists;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Lists.Deadlines;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.ListsDeadlines;

/// <summary>Versioned deadline rules on the real portal: who may edit, what is refused, and what the calculator uses.</summary>
public sealed class DeadlineRuleServiceTests(DeadlineTestServer server) : IClassFixture<DeadlineTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Result<DeadlineRuleView>> SaveAsync(string user, int community, DeadlineRuleForm form) =>
        server.AsAsync<DeadlineRuleService, Result<DeadlineRuleView>>(user, s => s.SaveAsync(community, form, Ct));

    /// <summary>Every reason the save was refused, as the page lists them.</summary>
    private IReadOnlyList<string> TextsOf(Result result, string culture = "zh-CN") =>
        result.Problems.Select(p => server.Portal.TextOf(Result.Invalid(p.Field, p.Message), p.Field, culture)!).ToList();

    private Task<DeadlineRuleView?> GetAsync(string user, int community) =>
        server.AsAsync<DeadlineRuleService, DeadlineRuleView?>(user, s => s.GetAsync(community, Ct));

    private async Task<int> StoredVersionsAsync(int community)
    {
        await using var db = await server.DbAsync(Ct);
        return await db.DeadlineRuleSets.CountAsync(r => r.CommunityId == community, Ct);
    }

    [Fact]
    public async Task Saving_creates_numbered_versions_and_the_calculator_uses_the_latest()
    {
        // The second community, so this test's versions do not meet the other tests' (the admin manages every community).
        var community = await server.CommunityIdAsync(1, Ct);
        var view = await GetAsync("admin", community);
        Assert.NotNull(view);
        Assert.True(view.CanEdit);
        // The demo data may already hold versions; the built-in standard is always the oldest entry (version 0).
        var start0 = view.Current.VersionNumber;
        Assert.Equal(0, view.History[^1].VersionNumber);
        Assert.Equal(DeadlineRules.Default, view.History[^1].Rules);

        var form = DeadlineRuleForm.From(view.Current);
        form.GeneralDays = 5;
        var first = await SaveAsync("admin", community, form);
        Assert.True(first.Succeeded, string.Join(" ", TextsOf(first)));
        Assert.Equal(start0 + 1, first.Value!.Current.VersionNumber);
        Assert.Equal(TimeSpan.FromDays(5), first.Value.Current.Rules.General);

        var second = DeadlineRuleForm.From(first.Value.Current);
        second.EmergencyHours = 3;
        var saved = await SaveAsync("admin", community, second);
        Assert.True(saved.Succeeded);
        Assert.Equal(Enumerable.Range(0, start0 + 3).Reverse(), saved.Value!.History.Select(v => v.VersionNumber));
        Assert.Equal(TimeSpan.FromDays(5), saved.Value.Current.Rules.General);

        var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        await using var scope = server.Services.CreateAsyncScope();
        var calculator = scope.ServiceProvider.GetRequiredService<DeadlineCalculator>();
        var (due, ruleSetId) = await calculator.DueAtAsync(community, Urgency.General, start, Ct);
        Assert.Equal(start.AddDays(5), due);
        Assert.Equal(saved.Value.Current.Id, ruleSetId);
        // A community without stored rules uses the default and names no rule set.
        var (defaultDue, defaultId) = await calculator.DueAtAsync(await server.CommunityIdAsync(0, Ct) + 100_000, Urgency.Emergency, start, Ct);
        Assert.Equal(start.AddHours(2), defaultDue);
        Assert.Null(defaultId);
    }

    [Fact]
    public async Task Invalid_rules_are_refused_with_localized_messages_and_save_nothing()
    {
        var community = await server.CommunityIdAsync(0, Ct);
        var view = (await GetAsync("secretary", community))!;
        var before = await StoredVersionsAsync(community);

        var zero = DeadlineRuleForm.From(view.Current);
        zero.EmergencyHours = 0;
        var refused = await SaveAsync("secretary", community, zero);
        Assert.False(refused.Succeeded);
        Assert.Equal("时限必须大于零，“即将到期”比例须在 1% 到 99% 之间。", Assert.Single(TextsOf(refused)));

        var disorder = DeadlineRuleForm.From(view.Current);
        disorder.EmergencyHours = 48;
        var english = await SaveAsync("secretary", community, disorder);
        Assert.False(english.Succeeded);
        var englishText = Assert.Single(TextsOf(english, "en"));
        Assert.Matches("[A-Za-z]", englishText);
        Assert.DoesNotContain("Deadline.Error", englishText, StringComparison.Ordinal);

        var huge = DeadlineRuleForm.From(view.Current);
        huge.ComplexDays = 100_000;
        Assert.False((await SaveAsync("secretary", community, huge)).Succeeded);

        Assert.Equal(before, await StoredVersionsAsync(community));
    }

    [Fact]
    public async Task Only_the_communitys_managers_may_edit_and_members_read()
    {
        var own = await server.CommunityIdAsync(0, Ct);
        var other = await server.CommunityIdAsync(1, Ct);
        var before = await StoredVersionsAsync(other);

        // The secretary of the first community reads nothing of, and cannot edit, the second.
        Assert.Null(await GetAsync("secretary", other));
        var form = DeadlineRuleForm.From(new DeadlineRuleVersion(null, 0, DeadlineRules.Default, null, null));
        var refused = await SaveAsync("secretary", other, form);
        Assert.False(refused.Succeeded);
        Assert.Equal(Outcome.NotAllowed, refused.Outcome);
        Assert.Equal("您无权修改该社区的办理时限规则。", Assert.Single(TextsOf(refused)));
        Assert.Equal(before, await StoredVersionsAsync(other));

        // A resident of the first community reads its rules but may not change them.
        var residentView = await GetAsync("resident", own);
        Assert.NotNull(residentView);
        Assert.False(residentView.CanEdit);
        Assert.False((await SaveAsync("resident", own, DeadlineRuleForm.From(residentView.Current))).Succeeded);
        Assert.False((await SaveAsync("liaison", own, DeadlineRuleForm.From(residentView.Current))).Succeeded);
    }

    [Fact]
    public async Task Two_saving_from_the_same_version_the_second_gets_a_conflict_and_nothing_is_lost()
    {
        var community = await server.CommunityIdAsync(0, Ct);
        var view = (await GetAsync("secretary", community))!;
        var mine = DeadlineRuleForm.From(view.Current);
        mine.ComplexDays = 20;
        var theirs = DeadlineRuleForm.From(view.Current);
        theirs.ComplexDays = 30;

        var first = await SaveAsync("admin", community, theirs);
        Assert.True(first.Succeeded);
        var second = await SaveAsync("secretary", community, mine);

        Assert.False(second.Succeeded);
        Assert.Equal(Outcome.Conflict, second.Outcome);
        Assert.Contains($"第 {first.Value!.Current.VersionNumber} 版", Assert.Single(TextsOf(second)), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(30), second.Current!.Current.Rules.Complex);
        // The form still holds the user's value.
        Assert.Equal(20, mine.ComplexDays);
    }

    [Fact]
    public async Task The_rules_page_renders_for_members_and_sends_anonymous_visitors_to_sign_in()
    {
        using var resident = server.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(resident, "resident")).StatusCode);
        var page = await resident.GetAsync("/lists/rules", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("办理时限规则", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        using var anonymous = server.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/lists/rules", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/login", refused.Headers.Location!.AbsolutePath);
    }
}
