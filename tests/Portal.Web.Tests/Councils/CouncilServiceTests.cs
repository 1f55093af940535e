using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Councils;

/// <summary>
/// The read-only council pages through the real portal: who may see which council (service and page), and that the
/// rotation shown is the domain's schedule.
/// </summary>
public sealed class CouncilServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> Councils<T>(string user, Func<CouncilService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<CouncilService>()));

    private Task<Council> CouncilOfAsync(int communityIndex) => TestAccounts.DbAsync(Host, db => db.Councils.AsNoTracking().Include(c => c.Members)
        .SingleAsync(c => c.CommunityId == db.Communities.Single(x => x.Name == DemoDataSeeder.CommunityNames[communityIndex]).Id, Ct));

    [Fact]
    public async Task Each_resident_sees_only_the_council_of_their_own_community()
    {
        var own = await CouncilOfAsync(0);
        var other = await CouncilOfAsync(1);

        // Another test of this class adds a street council that both residents may see, so compare the community ones.
        var residentSees = (await Councils("resident", s => s.ListAsync(Ct))).Select(c => c.Id).ToList();
        var resident2Sees = (await Councils("resident2", s => s.ListAsync(Ct))).Select(c => c.Id).ToList();
        Assert.Contains(own.Id, residentSees);
        Assert.DoesNotContain(other.Id, residentSees);
        Assert.Contains(other.Id, resident2Sees);
        Assert.DoesNotContain(own.Id, resident2Sees);
        Assert.NotNull(await Councils("resident", s => s.GetAsync(own.Id, Ct)));
        Assert.Null(await Councils("resident2", s => s.GetAsync(own.Id, Ct)));
        Assert.Null(await Councils("resident", s => s.GetAsync(other.Id, Ct)));
        // Refused exactly like a council that does not exist.
        Assert.Null(await Councils("resident", s => s.GetAsync(int.MaxValue, Ct)));
        // The street administrator sees both; the secretary manages her own only.
        var adminSees = (await Councils("admin", s => s.ListAsync(Ct))).Select(c => c.Id).ToList();
        Assert.Contains(own.Id, adminSees);
        Assert.Contains(other.Id, adminSees);
        Assert.True((await Councils("secretary", s => s.GetAsync(own.Id, Ct)))!.CanManage);
        Assert.False((await Councils("resident", s => s.GetAsync(own.Id, Ct)))!.CanManage);
    }

    [Fact]
    public async Task A_street_council_is_seen_by_the_street_s_people_and_not_by_another_street()
    {
        var streetId = await TestAccounts.DbAsync(Host, db => db.Streets.Select(s => s.Id).FirstAsync(Ct));
        var otherStreet = await TestAccounts.DbAsync(Host, async db =>
        {
            var street = new Portal.Domain.Directory.Street { Name = "测试街道", Code = "999" + Guid.NewGuid().ToString("N")[..6] };
            db.Streets.Add(street);
            await db.SaveChangesAsync(Ct);
            return street.Id;
        });
        var council = await TestAccounts.DbAsync(Host, async db =>
        {
            var c = new Council { Level = CouncilLevel.Street, StreetId = streetId, Name = "和平里街道大党委" };
            db.Councils.Add(c);
            await db.SaveChangesAsync(Ct);
            return c.Id;
        });
        var outsider = await TestAccounts.CreateAsync(Host, "street2admin", new ScopedRole(PortalRole.StreetAdministrator, ScopeKind.Street, otherStreet));

        Assert.NotNull(await Councils("admin", s => s.GetAsync(council, Ct)));
        Assert.NotNull(await Councils("resident2", s => s.GetAsync(council, Ct)));
        Assert.Null(await Councils(outsider.UserName!, s => s.GetAsync(council, Ct)));
        Assert.DoesNotContain(await Councils(outsider.UserName!, s => s.ListAsync(Ct)), c => c.Id == council);
    }

    [Fact]
    public async Task The_rotation_shown_is_the_domain_s_schedule_for_five_years_from_this_one()
    {
        var council = await CouncilOfAsync(0);
        var detail = (await Councils("secretary", s => s.GetAsync(council.Id, Ct)))!;
        var year = PortalTime.ToLocal(DateTime.UtcNow).Year;
        var units = await TestAccounts.DbAsync(Host, db => db.Units.ToDictionaryAsync(u => u.Id, u => u.Name, Ct));
        var expected = ChairRotation.FromMembers(council.LeadUnitId!.Value, council.RotationStartYear!.Value, council.Members)
            .Schedule(year, CouncilService.RotationYearsShown);

        Assert.Equal(expected.Select(y => (y.Year, units[y.LeadUnitId], y.ChairUnitId is { } c ? units[c] : null, y.Year == year)),
            detail.Rotation.Select(r => (r.Year, r.LeadUnitName, r.ChairUnitName, r.IsCurrent)));
        Assert.NotEmpty(detail.Upcoming);
        Assert.All(detail.Upcoming, m => Assert.True(m.EndsAtUtc >= DateTime.UtcNow));
    }

    [Fact]
    public async Task The_council_page_shows_this_year_s_chair_to_the_community_and_refuses_a_resident_of_another()
    {
        var council = await CouncilOfAsync(0);
        var year = PortalTime.ToLocal(DateTime.UtcNow).Year;
        var chairUnit = ChairRotation.FromMembers(council.LeadUnitId!.Value, council.RotationStartYear!.Value, council.Members).ChairOf(year)!.Value;
        var chairName = await TestAccounts.DbAsync(Host, db => db.Units.Where(u => u.Id == chairUnit).Select(u => u.Name).SingleAsync(Ct));

        var (secretary, _) = PortalClient.Create(Host.BaseAddress);
        await PortalClient.SignInAsync(secretary, "secretary");
        var page = WebUtility.HtmlDecode(await secretary.GetStringAsync($"/councils/{council.Id}", Ct));
        Assert.Contains(council.Name, page);
        // The calendar line names the council's meeting place (a markup slip once printed the expression instead).
        Assert.Contains(council.DefaultLocation!, page);
        Assert.DoesNotContain("_council.", page);
        var current = Regex.Match(page, $"data-year=\"{year}\" data-current=\"true\".*?data-testid=\"rotation-chair\"[^>]*>([^<]*)<", RegexOptions.Singleline);
        Assert.True(current.Success, "no highlighted current year in the rotation");
        Assert.Equal(chairName, current.Groups[1].Value.Trim());

        var (resident2, _) = PortalClient.Create(Host.BaseAddress);
        await PortalClient.SignInAsync(resident2, "resident2");
        var refused = WebUtility.HtmlDecode(await resident2.GetStringAsync($"/councils/{council.Id}", Ct));
        Assert.Contains("data-testid=\"council-not-found\"", refused);
        Assert.DoesNotContain(council.Name, refused);
        Assert.DoesNotContain(chairName, refused);
    }
}
