using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Setup;
using Portal.Web.Features.Directory;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.Councils;

/// <summary>
/// Setting a council up through the real portal: managers create councils for their own community or street, edit the
/// calendar and chair arrangement, keep the roster (add seats, end terms, remove mistakes); bad input and other people
/// change nothing; two managers editing at once never overwrite each other silently; the rotation follows the seats.
/// </summary>
public sealed class CouncilSetupTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<CouncilSetupService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<CouncilSetupService>()));

    private Task<CouncilScopes> ScopesAsync(string user) =>
        TestAccounts.AsAsync(Host, user, s => s.GetRequiredService<CouncilService>().ScopesAsync(Ct));

    private Task<int> CommunityIdAsync(int index) =>
        TestAccounts.DbAsync(Host, db => db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    private Task<int> CouncilCountAsync() => TestAccounts.DbAsync(Host, db => db.Councils.CountAsync(Ct));

    private static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 6)];

    private async Task<CouncilForm> NewFormAsync(string name) => new()
    {
        Level = CouncilLevel.Community, CommunityId = await CommunityIdAsync(0), Name = name, Frequency = MeetingFrequency.Quarterly,
        FirstMonth = 2, WeekOfMonth = 3, Day = DayOfWeek.Thursday, StartTime = "9:30", DurationMinutes = 90, TopicDeadlineDays = 7,
        DefaultLocation = "社区党群服务中心二楼会议室",
    };

    private async Task<int> CreateAsync(string name, Action<CouncilForm>? change = null)
    {
        var form = await NewFormAsync(name);
        change?.Invoke(form);
        var result = await As("secretary", s => s.SaveAsync(form, Ct));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Id;
    }

    private async Task<IReadOnlyList<SeatUnitOption>> CommunityUnitsAsync()
    {
        var community = await CommunityIdAsync(0);
        return await As("secretary", s => s.UnitOptionsAsync(community, null, Ct));
    }

    [Fact]
    public async Task The_secretary_creates_a_rotating_council_and_the_rotation_follows_the_seats_added()
    {
        var units = await CommunityUnitsAsync();
        Assert.True(units.Count >= 3);
        var year = DateTime.UtcNow.Year;
        var name = UniqueName("测试联席会议");
        var id = await CreateAsync(name, f =>
        {
            f.Arrangement = ChairArrangement.LeadUnitWithRotatingChair;
            f.LeadUnitId = units[0].Id;
            f.RotationStartYear = year;
        });

        var saved = await TestAccounts.DbAsync(Host, db => db.Councils.AsNoTracking().SingleAsync(c => c.Id == id, Ct));
        Assert.Equal((name, MeetingFrequency.Quarterly, 2, 3, DayOfWeek.Thursday, new TimeOnly(9, 30), 90, 7),
            (saved.Name, saved.Frequency, saved.CalendarFirstMonth, saved.CalendarWeekOfMonth, saved.CalendarDay, saved.CalendarStartTime,
             saved.MeetingDurationMinutes, saved.TopicDeadlineDays));
        Assert.Equal(await CommunityIdAsync(0), saved.CommunityId);

        // Two units take turns in the order given; the seat form fills in each unit's leader.
        var termFrom = new DateOnly(year, 1, 1);
        foreach (var (unit, order) in new[] { (units[2], 1), (units[1], 2) })
        {
            var seat = new SeatForm { UnitId = unit.Id, PersonId = unit.LeaderPersonId, LiaisonPersonId = unit.LiaisonPersonId, TermFrom = termFrom, RotationOrder = order };
            var added = await As("secretary", s => s.AddSeatAsync(id, seat, Ct));
            Assert.True(added.Succeeded, string.Join("; ", added.Problems));
        }

        var detail = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<CouncilService>().GetAsync(id, Ct));
        Assert.NotNull(detail);
        Assert.True(detail.CanManage);
        Assert.Equal(2, detail.Roster.Count);
        Assert.Equal([units[2].Name, units[1].Name, units[2].Name], detail.Rotation.Take(3).Select(r => r.ChairUnitName));
        Assert.All(detail.Rotation, r => Assert.Equal(units[0].Name, r.LeadUnitName));

        // The creation is on the audit trail with who did it.
        var audit = await TestAccounts.DbAsync(Host, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Council) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync(Ct));
        Assert.Contains(audit, a => a.Action == AuditAction.Create && a.UserName == "secretary");
    }

    [Fact]
    public async Task Bad_input_is_reported_field_by_field_and_nothing_is_saved()
    {
        var before = await CouncilCountAsync();
        var form = await NewFormAsync("   ");
        form.StartTime = "25:99";
        form.TopicDeadlineDays = 0;
        form.FirstMonth = 4; // quarterly: must be 1..3
        form.DurationMinutes = 0;
        form.Arrangement = ChairArrangement.LeadUnitWithRotatingChair;
        form.RotationStartYear = 1990;

        var result = await As("secretary", s => s.SaveAsync(form, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写名称（不超过 100 字）。", Host.TextOf(result, nameof(CouncilForm.Name)));
        Assert.Equal("请按“14:30”的格式填写开始时间。", Host.TextOf(result, nameof(CouncilForm.StartTime)));
        Assert.Equal("议题截止天数须在 1 到 60 之间。", Host.TextOf(result, nameof(CouncilForm.TopicDeadlineDays)));
        Assert.Contains("第一个周期", Host.TextOf(result, nameof(CouncilForm.FirstMonth)), StringComparison.Ordinal);
        Assert.Equal("会议时长须在 1 分钟到 8 小时之间。", Host.TextOf(result, nameof(CouncilForm.DurationMinutes)));
        Assert.Equal("请选择牵头单位。", Host.TextOf(result, nameof(CouncilForm.LeadUnitId)));
        Assert.StartsWith("轮值起始年度须在 2000 到", Host.TextOf(result, nameof(CouncilForm.RotationStartYear)), StringComparison.Ordinal);
        Assert.Equal(before, await CouncilCountAsync());

        // A second council with the same name in the same community is refused too.
        var name = UniqueName("重名测试");
        await CreateAsync(name);
        var again = await NewFormAsync(name);
        var duplicate = await As("secretary", s => s.SaveAsync(again, Ct));
        Assert.Equal($"已有名为“{name}”的联席会议。", Host.TextOf(duplicate, nameof(CouncilForm.Name)));
        Assert.Equal(before + 1, await CouncilCountAsync());
    }

    [Fact]
    public async Task A_name_of_only_invisible_characters_is_missing_and_one_differing_only_by_them_is_a_duplicate()
    {
        var before = await CouncilCountAsync();

        var invisible = await As("secretary", async s => await s.SaveAsync(await NewFormAsync(UnsafeCharacters.Only), Ct));

        Assert.Equal(Outcome.Invalid, invisible.Outcome);
        Assert.Equal("请填写名称（不超过 100 字）。", Host.TextOf(invisible, nameof(CouncilForm.Name)));
        Assert.Equal(before, await CouncilCountAsync());

        // Stored text is cleaned, so the check for a duplicate compares the cleaned name too.
        var name = UniqueName("隐形重名");
        await CreateAsync(name);
        var hidden = await As("secretary", async s => await s.SaveAsync(await NewFormAsync(name[..2] + "\u200B" + name[2..] + "\u202E"), Ct));
        Assert.Equal($"已有名为“{name}”的联席会议。", Host.TextOf(hidden, nameof(CouncilForm.Name)));
        Assert.Equal(before + 1, await CouncilCountAsync());
    }

    [Fact]
    public async Task A_secretary_creates_councils_only_for_their_own_community_and_the_street_administrator_for_the_street()
    {
        var before = await CouncilCountAsync();
        var other = await NewFormAsync(UniqueName("越权"));
        other.CommunityId = await CommunityIdAsync(1);
        Assert.Equal(Outcome.NotFound, (await As("secretary", s => s.SaveAsync(other, Ct))).Outcome);

        var streetId = await TestAccounts.DbAsync(Host, db => db.Streets.Select(s => s.Id).FirstAsync(Ct));
        var street = await NewFormAsync(UniqueName("街道大党委"));
        street.Level = CouncilLevel.Street;
        street.CommunityId = null;
        street.StreetId = streetId;
        Assert.Equal(Outcome.NotFound, (await As("secretary", s => s.SaveAsync(street, Ct))).Outcome);
        Assert.Equal(before, await CouncilCountAsync());

        var scopes = await ScopesAsync("secretary");
        Assert.Equal([DemoDataSeeder.CommunityNames[0]], scopes.Communities.Select(c => c.Name));
        Assert.Empty(scopes.Streets);
        foreach (var user in new[] { "liaison", "member", "gridworker", "resident" })
            Assert.False((await ScopesAsync(user)).CanCreate, user);

        var created = await As("admin", s => s.SaveAsync(street, Ct));
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        var saved = await TestAccounts.DbAsync(Host, db => db.Councils.AsNoTracking().SingleAsync(c => c.Id == created.Id, Ct));
        Assert.Equal((CouncilLevel.Street, streetId, (int?)null), (saved.Level, saved.StreetId, saved.CommunityId));
    }

    [Theory]
    [InlineData("liaison")]
    [InlineData("member")]
    [InlineData("gridworker")]
    [InlineData("resident")]
    [InlineData("resident2")]
    public async Task Others_cannot_read_or_change_a_councils_settings_or_seats(string user)
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var form = await As("secretary", s => s.GetFormAsync(council.Id, Ct));
        Assert.NotNull(form);
        var seat = council.Members.OrderBy(m => m.Id).First();
        var unit = (await CommunityUnitsAsync())[0];

        Assert.Null(await As(user, s => s.GetFormAsync(council.Id, Ct)));
        form.Name = "被篡改的名称";
        Assert.Equal(Outcome.NotFound, (await As(user, s => s.SaveAsync(form, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(user, s => s.AddSeatAsync(council.Id, new SeatForm { UnitId = unit.Id, TermFrom = new DateOnly(2026, 1, 1) }, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(user, s => s.EndSeatAsync(seat.Id, seat.Version, new DateOnly(2030, 1, 1), Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(user, s => s.RemoveSeatAsync(seat.Id, seat.Version, Ct))).Outcome);
        Assert.Empty(await As(user, s => s.PersonOptionsAsync(council.Id, "王", [], Ct)));

        var after = await CouncilTestData.FirstCouncilAsync(Host);
        Assert.Equal(council.Name, after.Name);
        Assert.Equal(council.Version, after.Version);
        Assert.Equal(council.Members.Select(m => (m.Id, m.TermTo)), after.Members.Select(m => (m.Id, m.TermTo)));
    }

    [Fact]
    public async Task Two_managers_saving_the_same_council_get_a_conflict_instead_of_a_silent_overwrite()
    {
        var id = await CreateAsync(UniqueName("并发测试"));
        var first = await As("secretary", s => s.GetFormAsync(id, Ct));
        var second = await As("secretary", s => s.GetFormAsync(id, Ct));
        Assert.NotNull(first);
        Assert.NotNull(second);

        first.DefaultLocation = "第一位秘书改的地点";
        Assert.True((await As("secretary", s => s.SaveAsync(first, Ct))).Succeeded);
        second.TopicDeadlineDays = 20;
        var conflict = await As("secretary", s => s.SaveAsync(second, Ct));

        Assert.Equal(Outcome.Conflict, conflict.Outcome);
        Assert.Equal("第一位秘书改的地点", conflict.Current?.DefaultLocation);
        var saved = await TestAccounts.DbAsync(Host, db => db.Councils.AsNoTracking().SingleAsync(c => c.Id == id, Ct));
        Assert.Equal(("第一位秘书改的地点", 7), (saved.DefaultLocation, saved.TopicDeadlineDays));

        // Saving again from the version now shown is a deliberate overwrite and goes through.
        second.Version = conflict.Current!.Version;
        Assert.True((await As("secretary", s => s.SaveAsync(second, Ct))).Succeeded);
    }

    [Fact]
    public async Task Seats_are_checked_and_a_seat_with_meeting_history_is_ended_not_removed()
    {
        var id = await CreateAsync(UniqueName("席位测试"), f => f.Arrangement = ChairArrangement.ElectedChair);
        var units = await CommunityUnitsAsync();
        var otherCommunityUnit = await TestAccounts.DbAsync(Host, async db =>
        {
            var other = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[1]).Select(c => c.Id).SingleAsync(Ct);
            return await db.Units.Where(u => u.CommunityId == other).Select(u => u.Id).FirstAsync(Ct);
        });
        var from = new DateOnly(2026, 1, 1);

        var foreign = await As("secretary", s => s.AddSeatAsync(id, new SeatForm { UnitId = otherCommunityUnit, TermFrom = from }, Ct));
        Assert.Equal("该单位不属于本联席会议所在的社区或街道。", Host.TextOf(foreign, nameof(SeatForm.UnitId)));
        var empty = await As("secretary", s => s.AddSeatAsync(id, new SeatForm { TermFrom = from }, Ct));
        Assert.Equal("请选择成员单位或人员。", Host.TextOf(empty, nameof(SeatForm.UnitId)));
        var backwards = await As("secretary", s => s.AddSeatAsync(id, new SeatForm { UnitId = units[0].Id, TermFrom = from, TermTo = from.AddDays(-1) }, Ct));
        Assert.Equal("任期结束日期不能早于开始日期。", Host.TextOf(backwards, nameof(SeatForm.TermTo)));
        var noTerm = await As("secretary", s => s.AddSeatAsync(id, new SeatForm { UnitId = units[0].Id }, Ct));
        Assert.Equal("“任期”为必填项。", Host.TextOf(noTerm, nameof(SeatForm.TermFrom)));
        Assert.Equal("\"Term\" is required.", Host.TextOf(noTerm, nameof(SeatForm.TermFrom), "en"));

        var seat = new SeatForm { UnitId = units[0].Id, PersonId = units[0].LeaderPersonId, Role = CouncilRole.Chair, TermFrom = from, RotationOrder = 1 };
        Assert.True((await As("secretary", s => s.AddSeatAsync(id, seat, Ct))).Succeeded);
        var twice = await As("secretary", s => s.AddSeatAsync(id, seat, Ct));
        Assert.Equal("该单位（人员）在这段任期内已担任此职务。", Host.TextOf(twice));
        var takenOrder = await As("secretary", s => s.AddSeatAsync(id, new SeatForm { UnitId = units[1].Id, TermFrom = from, RotationOrder = 1 }, Ct));
        Assert.Equal("轮值顺序 1 已由其他单位使用。", Host.TextOf(takenOrder, nameof(SeatForm.RotationOrder)));
        var seats = await TestAccounts.DbAsync(Host, db => db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == id).ToListAsync(Ct));
        var chair = Assert.Single(seats);

        // Ending a term: not before it began; then on the given day. A stale version is refused.
        var early = await As("secretary", s => s.EndSeatAsync(chair.Id, chair.Version, from.AddDays(-1), Ct));
        Assert.Equal("任期结束日期不能早于开始日期。", Host.TextOf(early, nameof(SeatForm.TermTo)));
        Assert.True((await As("secretary", s => s.EndSeatAsync(chair.Id, chair.Version, new DateOnly(2026, 12, 31), Ct))).Succeeded);
        Assert.Equal(Outcome.Conflict, (await As("secretary", s => s.RemoveSeatAsync(chair.Id, chair.Version, Ct))).Outcome);
        var ended = await TestAccounts.DbAsync(Host, db => db.CouncilMembers.AsNoTracking().SingleAsync(m => m.Id == chair.Id, Ct));
        Assert.Equal(new DateOnly(2026, 12, 31), ended.TermTo);

        // This council never met: the seat was a mistake and may go.
        Assert.True((await As("secretary", s => s.RemoveSeatAsync(ended.Id, ended.Version, Ct))).Succeeded);
        Assert.False(await TestAccounts.DbAsync(Host, db => db.CouncilMembers.AnyAsync(m => m.Id == chair.Id, Ct)));

        // The demo council has held meetings: a seat that sat at one stays on record.
        var demo = await CouncilTestData.FirstCouncilAsync(Host);
        var heldDays = await TestAccounts.DbAsync(Host, db => db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == demo.Id && (m.Status == MeetingStatus.Ended || m.Status == MeetingStatus.MinutesApproved))
            .Select(m => m.StartsAtUtc).ToListAsync(Ct));
        var historic = demo.Members.First(m => heldDays.Any(d => m.IsSittingOn(DateOnly.FromDateTime(PortalTime.ToLocal(d)))));
        var refused = await As("secretary", s => s.RemoveSeatAsync(historic.Id, historic.Version, Ct));
        Assert.Equal("该席位已参加过会议，须保留为历史记录；如已离任，请结束任期。", Host.TextOf(refused));
        Assert.True(await TestAccounts.DbAsync(Host, db => db.CouncilMembers.AnyAsync(m => m.Id == historic.Id, Ct)));
    }

    [Fact]
    public async Task An_upcoming_meetings_expected_attendance_follows_the_roster_when_a_term_ends_or_a_seat_is_added()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "席位变动后的应到名单");
        Task<IReadOnlyList<int>> ExpectedAsync() => TestAccounts.AsAsync(Host, "secretary", async s =>
            (IReadOnlyList<int>)(await s.GetRequiredService<AttendanceService>().LoadAsync(meetingId, Ct))!.Rows.Where(r => r.IsExpected).Select(r => r.PersonId).ToList());
        var before = await ExpectedAsync();
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        // A member whose only seat is this one, so ending it takes them off the list.
        var leaving = council.Members.Where(m => m.Role == CouncilRole.Member && m.PersonId is not null && m.IsSittingOn(today))
            .First(m => council.Members.Count(o => o.PersonId == m.PersonId && o.IsSittingOn(today)) == 1);
        Assert.Contains(leaving.PersonId!.Value, before);

        Assert.True((await As("secretary", s => s.EndSeatAsync(leaving.Id, leaving.Version, today, Ct))).Succeeded);
        var afterLeaving = await ExpectedAsync();
        Assert.DoesNotContain(leaving.PersonId.Value, afterLeaving);
        Assert.Equal(before.Count - 1, afterLeaving.Count);

        // The unit comes back with a new term: expected again.
        var back = new SeatForm { UnitId = leaving.UnitId, PersonId = leaving.PersonId, TermFrom = today.AddDays(1) };
        Assert.True((await As("secretary", s => s.AddSeatAsync(council.Id, back, Ct))).Succeeded);
        Assert.Equal(before.Order(), (await ExpectedAsync()).Order());
    }

    [Fact]
    public async Task Several_member_units_are_seated_at_once_in_rotation_order_and_existing_members_are_skipped()
    {
        var units = await CommunityUnitsAsync();
        var year = DateTime.UtcNow.Year;
        var id = await CreateAsync(UniqueName("批量席位"), f =>
        {
            f.Arrangement = ChairArrangement.LeadUnitWithRotatingChair;
            f.LeadUnitId = units[0].Id;
            f.RotationStartYear = year;
        });
        var from = new DateOnly(year, 1, 1);

        var first = await As("secretary", s => s.AddUnitSeatsAsync(id, [units[2].Id, units[1].Id], from, rotate: true, Ct));
        Assert.Equal((Outcome.Succeeded, 2), (first.Outcome, first.Value!.Added));
        Assert.Empty(first.Value.Skipped);
        var seats = await TestAccounts.DbAsync(Host, db => db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == id).OrderBy(m => m.RotationOrder).ToListAsync(Ct));
        Assert.Equal([(units[2].Id, 1), (units[1].Id, 2)], seats.Select(m => (m.UnitId!.Value, m.RotationOrder!.Value)));
        Assert.All(seats, m => Assert.Equal((CouncilRole.Member, true, from), (m.Role, m.IsPartTime, m.TermFrom)));
        Assert.Equal(units[2].LeaderPersonId, seats[0].PersonId);
        Assert.Equal(units[2].LiaisonPersonId, seats[0].LiaisonPersonId);
        var detail = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<CouncilService>().GetAsync(id, Ct));
        Assert.Equal([units[2].Name, units[1].Name], detail!.Rotation.Take(2).Select(r => r.ChairUnitName));

        // Again with one unit already seated: it is skipped and named, the new one takes the next place.
        var second = await As("secretary", s => s.AddUnitSeatsAsync(id, [units[1].Id, units[3].Id], from, rotate: true, Ct));
        Assert.Equal(1, second.Value!.Added);
        Assert.Equal([units[1].Name], second.Value.Skipped);
        Assert.Equal(3, await TestAccounts.DbAsync(Host, db => db.CouncilMembers.Where(m => m.CouncilId == id && m.UnitId == units[3].Id).Select(m => m.RotationOrder).SingleAsync(Ct)));

        // Nothing chosen, or a unit of another community: refused, nothing added; others may not at all.
        var otherUnit = await TestAccounts.DbAsync(Host, async db =>
        {
            var other = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[1]).Select(c => c.Id).SingleAsync(Ct);
            return await db.Units.Where(u => u.CommunityId == other).Select(u => u.Id).FirstAsync(Ct);
        });
        Assert.Equal("请至少选择一个单位。", Host.TextOf(await As("secretary", s => s.AddUnitSeatsAsync(id, [], from, rotate: false, Ct)), BulkSeats.UnitsField));
        var foreign = await As("secretary", s => s.AddUnitSeatsAsync(id, [units[4].Id, otherUnit], from, rotate: false, Ct));
        Assert.Equal("该单位不属于本联席会议所在的社区或街道。", Host.TextOf(foreign, BulkSeats.UnitsField));
        Assert.Equal(Outcome.NotFound, (await As("liaison", s => s.AddUnitSeatsAsync(id, [units[4].Id], from, rotate: false, Ct))).Outcome);
        Assert.Equal(3, await TestAccounts.DbAsync(Host, db => db.CouncilMembers.CountAsync(m => m.CouncilId == id, Ct)));
    }

    [Fact]
    public async Task Seat_pickers_offer_the_councils_own_units_and_people_only()
    {
        var units = await CommunityUnitsAsync();
        var community = await CommunityIdAsync(0);
        var unitScopes = await TestAccounts.DbAsync(Host, db => db.Units.AsNoTracking().Where(u => units.Select(x => x.Id).Contains(u.Id))
            .Select(u => new { u.CommunityId, u.StreetId }).ToListAsync(Ct));
        Assert.All(unitScopes, u => Assert.True(u.CommunityId == community || u.CommunityId == null));
        var otherCommunity = await CommunityIdAsync(1);
        Assert.Empty(await As("secretary", s => s.UnitOptionsAsync(otherCommunity, null, Ct)));

        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var leader = units.First(u => u.LeaderPersonId is not null).LeaderPersonId!.Value;
        var leaderName = await TestAccounts.DbAsync(Host, db => db.People.Where(p => p.Id == leader).Select(p => p.Name).SingleAsync(Ct));
        var found = await As("secretary", s => s.PersonOptionsAsync(council.Id, leaderName, [], Ct));
        Assert.Contains(found, p => p.Id == leader);
        var resident2 = await TestAccounts.DbAsync(Host, db => db.Users.Where(u => u.UserName == "resident2").Select(u => u.PersonId!.Value).SingleAsync(Ct));
        Assert.DoesNotContain(await As("secretary", s => s.PersonOptionsAsync(council.Id, null, [resident2], Ct)), p => p.Id == resident2);
    }
}
