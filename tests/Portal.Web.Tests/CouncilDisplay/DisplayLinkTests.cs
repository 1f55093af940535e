using Portal.Web.Features.Lists;
using Portal.Web.Kit.Notifications;
using Portal.Web.Features.Announcements;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Features.Councils.Display;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Notifications;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.CouncilDisplay;

/// <summary>
/// The projector's display link on real Kestrel: the hub through the .NET SignalR client over a WebSocket (token in access_token, as the browser
/// client's WebSocket transport sends it), the snapshot endpoint, and who may create a link. The link opens its own
/// meeting's topic and nothing else; users still need to take part in the meeting to read its topic.
/// </summary>
public sealed class DisplayLinkTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private async Task<string?> CreateLinkAsync(string user, int meetingId) =>
        (await CreateLinkResultAsync(user, meetingId)).Value;

    private Task<Result<string>> CreateLinkResultAsync(string user, int meetingId) =>
        TestAccounts.AsAsync(Host, user, s => s.GetRequiredService<DisplayLinkService>().CreateLinkAsync(meetingId, Ct));

    private async Task<(int MeetingId, string Token)> MeetingWithLinkAsync(string title)
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, title);
        var token = await CreateLinkAsync("secretary", meetingId);
        Assert.NotNull(token);
        return (meetingId, token);
    }

    private Task<HubConnection> ConnectWithLinkAsync(string token) =>
        HubConnections.ConnectAsync(Host.BaseAddress, LiveHub.Path, cookies: null, accessToken: token, ct: Ct);

    private async Task<HubConnection> ConnectAsAsync(string userName)
    {
        var (client, cookies) = PortalClient.Create(Host.BaseAddress);
        using (client)
        {
            using var response = await PortalClient.SignInAsync(client, userName);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return await HubConnections.ConnectAsync(Host.BaseAddress, LiveHub.Path, cookies, ct: Ct);
    }

    private Task<int> PersonOfAsync(string userName) =>
        TestAccounts.DbAsync(Host, db => db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId!.Value).SingleAsync(Ct));

    private HttpClient Anonymous() => PortalClient.Create(Host.BaseAddress).Client;

    private static async Task<HttpResponseMessage> SnapshotAsync(HttpClient client, string? token, string path = DisplayEndpoints.SnapshotPath)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_display_link_joins_its_meeting_topic_and_receives_attendance_live()
    {
        var (meetingId, token) = await MeetingWithLinkAsync("投影实时签到");
        await using var projector = await ConnectWithLinkAsync(token);
        var events = projector.Receive(LiveHub.EventMethod);

        var joined = await projector.InvokeAsync<JsonElement>("Join", MeetingChannels.For(meetingId), 0, Ct);
        Assert.Equal(MeetingChannels.For(meetingId), joined.GetProperty("channel").GetString());

        var gridworker = await PersonOfAsync("gridworker");
        var marked = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<AttendanceService>().MarkPresentAsync(meetingId, gridworker, Ct));
        Assert.True(marked.Succeeded, Host.TextOf(marked));
        var received = await events.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(MeetingChannels.AttendanceChangedType, received.GetProperty("type").GetString());
        var payload = received.GetProperty("payload");
        Assert.Equal(1, payload.GetProperty("present").GetInt32());
        Assert.Equal(marked.Value!.Change.Expected, payload.GetProperty("expected").GetInt32());
    }

    [Fact]
    public async Task The_display_link_cannot_read_another_meeting_nor_any_community_lists_or_user_topic()
    {
        var (meetingId, token) = await MeetingWithLinkAsync("投影链接 A");
        var otherId = await CouncilTestData.MeetingAboutToStartAsync(Host, "另一次会议 B");
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var secretary = await TestAccounts.FindAsync(Host, "secretary");
        await using var projector = await ConnectWithLinkAsync(token);
        var events = projector.Receive(LiveHub.EventMethod);

        string[] refused =
        [
            MeetingChannels.For(otherId), CommunityChannels.For(council.CommunityId!.Value), ListsChannels.For(council.CommunityId!.Value),
            UserChannels.For(secretary.Id), "meeting/" + meetingId + "0", "meeting/0" + meetingId,
        ];
        foreach (var topic in refused)
        {
            var join = await Assert.ThrowsAsync<HubException>(() => projector.InvokeAsync<JsonElement>("Join", topic, null, Ct));
            Assert.Contains("forbidden", join.Message);
            var catchUp = await Assert.ThrowsAsync<HubException>(() => projector.InvokeAsync<JsonElement>("CatchUp", topic, 0, Ct));
            Assert.Contains("forbidden", catchUp.Message);
        }

        // Nothing of the other meeting arrives; the next event is its own meeting's.
        await projector.InvokeAsync<JsonElement>("Join", MeetingChannels.For(meetingId), null, Ct);
        var bus = Host.Services.GetRequiredService<LiveEventBus>();
        await bus.PublishAsync(MeetingChannels.For(otherId), "test.secret", new { text = "B" }, Ct);
        var own = await bus.PublishAsync(MeetingChannels.For(meetingId), "test.own", new { text = "A" }, Ct);
        var received = await events.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(own.Sequence, received.GetProperty("sequence").GetInt64());
        Assert.Equal(MeetingChannels.For(meetingId), received.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Every_topic_rule_refuses_a_display_principal_except_its_own_meeting()
    {
        var access = Host.Services.GetRequiredService<LiveChannelAccess>();
        var rules = Host.Services.GetServices<ILiveChannelRule>().ToList();
        var principal = DisplayLink.PrincipalFor(7);

        Assert.True(await access.CanReadAsync(principal, MeetingChannels.For(7), Ct));
        // Whatever feature registered a rule, a projector gets none of its topics, for any id it might try.
        foreach (var rule in rules)
        {
            foreach (var id in new[] { "1", "2", "8", "6", "abc" })
            {
                var topic = rule.Prefix + id;
                Assert.False(await access.CanReadAsync(principal, topic, Ct), topic);
            }
        }
        Assert.Contains(rules, r => r is MeetingChannelRule);
    }

    [Fact]
    public async Task A_resident_who_is_not_a_member_cannot_join_the_meeting_topic_and_a_participant_can()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "成员与非成员");
        var topic = MeetingChannels.For(meetingId);

        await using var resident = await ConnectAsAsync("resident");
        await using var resident2 = await ConnectAsAsync("resident2");
        await using var member = await ConnectAsAsync("member");
        foreach (var outsider in new[] { resident, resident2, member })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<JsonElement>("Join", topic, null, Ct));
            Assert.Contains("forbidden", refused.Message);
        }

        // The unit liaison takes part for a member unit; the secretary holds the secretariat seat; the recorder records.
        foreach (var user in new[] { "liaison", "secretary", "gridworker" })
        {
            await using var participant = await ConnectAsAsync(user);
            var joined = await participant.InvokeAsync<JsonElement>("Join", topic, null, Ct);
            Assert.Equal(topic, joined.GetProperty("channel").GetString());
        }
    }

    [Fact]
    public async Task A_wrong_or_replaced_link_is_refused_by_the_hub_and_the_snapshot()
    {
        var (meetingId, oldToken) = await MeetingWithLinkAsync("重新生成投影链接");
        using var client = Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await SnapshotAsync(client, oldToken)).StatusCode);
        var newToken = await CreateLinkAsync("secretary", meetingId);
        Assert.NotNull(newToken);
        Assert.NotEqual(oldToken, newToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SnapshotAsync(client, oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SnapshotAsync(client, newToken)).StatusCode);
        var old = await Assert.ThrowsAsync<WebSocketException>(() => ConnectWithLinkAsync(oldToken));
        Assert.Contains("401", old.Message);
        var made = await Assert.ThrowsAsync<WebSocketException>(() => ConnectWithLinkAsync(DisplayLink.NewToken()));
        Assert.Contains("401", made.Message);
        var malformed = await Assert.ThrowsAsync<WebSocketException>(() => ConnectWithLinkAsync("not-a-token"));
        Assert.Contains("401", malformed.Message);
        // Only the hash is stored.
        var stored = await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.DisplayTokenHash).SingleAsync(Ct));
        Assert.Equal(DisplayLink.HashOf(newToken), stored);
        Assert.Equal(64, stored!.Length);
    }

    [Fact]
    public async Task A_link_stops_working_twelve_hours_after_its_meeting_ended()
    {
        var (meetingId, token) = await MeetingWithLinkAsync("投影链接过期");
        using var client = Anonymous();
        Task SetEndAsync(DateTime endsAtUtc) => TestAccounts.DbAsync(Host, db =>
            db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(u => u.SetProperty(m => m.EndsAtUtc, endsAtUtc), Ct));

        // Ended eleven hours ago: still shown (an overrunning meeting, a screen left on).
        await SetEndAsync(DateTime.UtcNow - DisplayLink.ValidAfterEnd + TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await SnapshotAsync(client, token)).StatusCode);
        await (await ConnectWithLinkAsync(token)).DisposeAsync();

        // Ended thirteen hours ago: the link opens nothing any more.
        await SetEndAsync(DateTime.UtcNow - DisplayLink.ValidAfterEnd - TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SnapshotAsync(client, token)).StatusCode);
        var expired = await Assert.ThrowsAsync<WebSocketException>(() => ConnectWithLinkAsync(token));
        Assert.Contains("401", expired.Message);
    }

    [Fact]
    public async Task The_snapshot_needs_the_display_link_and_nothing_else_will_do()
    {
        var (_, token) = await MeetingWithLinkAsync("快照授权");
        using var anonymous = Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SnapshotAsync(anonymous, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SnapshotAsync(anonymous, DisplayLink.NewToken())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SnapshotAsync(anonymous, "garbage")).StatusCode);
        // The query string is for the hub's WebSocket only.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SnapshotAsync(anonymous, null, $"{DisplayEndpoints.SnapshotPath}?access_token={token}")).StatusCode);
        // A signed-in secretary is not a projector.
        var (secretary, _) = PortalClient.Create(Host.BaseAddress);
        using (secretary)
        {
            using var signIn = await PortalClient.SignInAsync(secretary, "secretary");
            Assert.Equal(HttpStatusCode.Unauthorized, (await SnapshotAsync(secretary, null)).StatusCode);
        }
    }

    [Fact]
    public async Task The_display_link_opens_no_cookie_page_nor_other_api()
    {
        var (meetingId, token) = await MeetingWithLinkAsync("链接不能打开页面");
        using var client = Anonymous();

        foreach (var path in new[] { "/councils", $"/councils/meetings/{meetingId}", $"/councils/meetings/{meetingId}/check-in", $"/councils/meetings/{meetingId}/display" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", TestAccounts.RedirectPath(response));
        }
        using var export = new HttpRequestMessage(HttpMethod.Get, "/api/lists/export?format=csv");
        export.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(export, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_snapshot_is_the_meeting_with_its_agenda_attendance_sequence_and_check_in_QR_code()
    {
        var (meetingId, token) = await MeetingWithLinkAsync("投影快照");
        var bus = Host.Services.GetRequiredService<LiveEventBus>();
        await bus.PublishAsync(MeetingChannels.For(meetingId), "test.before", new { n = 1 }, Ct);
        var last = await bus.LastSequenceAsync(MeetingChannels.For(meetingId), Ct);
        using var client = Anonymous();

        using var response = await SnapshotAsync(client, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var meeting = json.RootElement.GetProperty("meeting");
        Assert.Equal(meetingId, meeting.GetProperty("meetingId").GetInt32());
        Assert.Equal("投影快照", meeting.GetProperty("title").GetString());
        Assert.Equal(last, meeting.GetProperty("lastSequence").GetInt64());
        Assert.Equal(["社区停车秩序整治", "老年助餐点选址", "共建单位场地开放"],
            meeting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray());
        // The projector may be the first to open the meeting: the expected list exists then.
        var expected = await TestAccounts.DbAsync(Host, db => db.Attendances.CountAsync(a => a.MeetingId == meetingId && a.IsExpected, Ct));
        Assert.True(expected > 0);
        Assert.Equal(expected, meeting.GetProperty("attendance").GetProperty("expected").GetInt32());
        var checkInUrl = json.RootElement.GetProperty("checkInUrl").GetString()!;
        Assert.Equal(new Uri(Host.BaseAddress, $"/councils/meetings/{meetingId}/check-in"), new Uri(checkInUrl));
        var svg = json.RootElement.GetProperty("qrSvg").GetString()!;
        Assert.Contains("<svg", svg);
        Assert.Contains("viewBox", svg);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Only_those_who_steer_the_meeting_create_a_display_link()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "谁能生成链接");

        foreach (var user in new[] { "gridworker", "liaison", "member", "resident" })
        {
            var refused = await CreateLinkResultAsync(user, meetingId);
            Assert.Equal(Outcome.NotAllowed, refused.Outcome);
            Assert.Null(refused.Value);
            Assert.Equal("只有会议主持人、秘书处或社区管理人员可以生成投影链接和打印签到表。", Host.TextOf(refused));
        }
        // Another community's resident cannot see the meeting: refused like one that does not exist.
        Assert.Equal(Outcome.NotFound, (await CreateLinkResultAsync("resident2", meetingId)).Outcome);
        var stored = await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.DisplayTokenHash).SingleAsync(Ct));
        Assert.Null(stored);
        Assert.NotNull(await CreateLinkAsync("admin", meetingId));
        Assert.NotNull(await CreateLinkAsync("secretary", meetingId));
    }
    private async Task<string> PageAsync(string userName, string path)
    {
        var (client, _) = PortalClient.Create(Host.BaseAddress);
        using (client)
        {
            using var signIn = await PortalClient.SignInAsync(client, userName);
            return WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));
        }
    }

    [Fact]
    public async Task The_display_page_is_for_those_who_steer_and_the_check_in_page_for_participants()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "页面权限");
        var display = $"/councils/meetings/{meetingId}/display";
        var checkIn = $"/councils/meetings/{meetingId}/check-in";

        var secretary = await PageAsync("secretary", display);
        Assert.Contains("data-testid=\"display-link-generate\"", secretary);
        Assert.Matches("data-testid=\"checkin-sheet-qr\"[^>]*>\\s*<svg", secretary);
        Assert.Contains($"/councils/meetings/{meetingId}/check-in", secretary);

        var liaison = await PageAsync("liaison", display);
        Assert.Contains("data-testid=\"display-refused\"", liaison);
        Assert.DoesNotContain("display-link-generate", liaison);
        Assert.DoesNotContain("checkin-sheet-qr", liaison);
        var resident2 = await PageAsync("resident2", display);
        Assert.Contains("data-testid=\"display-not-found\"", resident2);
        Assert.DoesNotContain("页面权限", resident2);

        Assert.Contains("data-testid=\"checkin-button\"", await PageAsync("liaison", checkIn));
        var resident = await PageAsync("resident", checkIn);
        Assert.Contains("data-testid=\"checkin-not-participant\"", resident);
        Assert.DoesNotContain("checkin-button", resident);
        Assert.Contains("data-testid=\"checkin-not-found\"", await PageAsync("resident2", checkIn));
    }
}
