using Portal.Domain.Access;

namespace Portal.Domain.Tests.Access;

/// <summary>What a device cookie holds (decision 0013): which accounts signed in on the browser, with which device id, when.</summary>
public sealed class KnownDevicesTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_device_is_known_to_the_account_that_signed_in_on_it_for_half_a_year()
    {
        var known = KnownDevices.None.SignedIn("user-1", "d1", Now);

        Assert.Equal("d1", known.DeviceOf("user-1", Now.AddDays(179)));
        Assert.Null(known.DeviceOf("user-1", Now.AddDays(180)));
        Assert.Null(known.DeviceOf("user-2", Now));
        Assert.Equal(TimeSpan.FromDays(180), KnownDevices.Lifetime);
    }

    [Fact]
    public void Each_sign_in_gives_the_account_a_new_device_id_first_in_the_list()
    {
        var known = KnownDevices.None.SignedIn("user-1", "d1", Now).SignedIn("user-2", "d2", Now.AddDays(1)).SignedIn("user-1", "d3", Now.AddDays(2));

        Assert.Equal(["user-1", "user-2"], known.Devices.Select(d => d.UserId));
        Assert.Equal("d3", known.DeviceOf("user-1", Now.AddDays(2)));
        // Half a year from the latest sign-in.
        Assert.Equal("d3", known.DeviceOf("user-1", Now.AddDays(181)));
    }

    [Fact]
    public void A_browser_remembers_the_five_accounts_that_signed_in_last_and_forgets_expired_ones()
    {
        var known = KnownDevices.None.SignedIn("old", "d0", Now.AddDays(-200));
        for (var i = 1; i <= 6; i++) known = known.SignedIn("user-" + i, "d" + i, Now.AddMinutes(i));

        Assert.Equal(["user-6", "user-5", "user-4", "user-3", "user-2"], known.Devices.Select(d => d.UserId));
        Assert.Equal(KnownDevices.MaxAccounts, known.Devices.Count);
    }

    [Fact]
    public void The_cookie_text_reads_back_to_the_same_devices_to_the_second()
    {
        var known = KnownDevices.None.SignedIn("0d4c1a9e-6b1f-4a43-9f0e-3c7a2b8d5e61", KnownDevices.NewDeviceId(), Now.AddSeconds(1))
            .SignedIn("9a1b", KnownDevices.NewDeviceId(), Now.AddSeconds(2));

        var read = KnownDevices.Read(known.Write());

        Assert.Equal(known.Devices, read.Devices);
        Assert.All(read.Devices, d => Assert.Equal(DateTimeKind.Utc, d.IssuedAtUtc.Kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("user,device")]
    [InlineData("user,device,-5")]
    [InlineData(",device,100")]
    [InlineData("user,0123456789abcdef0123456789abcdef0,100")]
    public void Text_that_is_no_cookie_of_ours_names_no_device(string? text) =>
        Assert.Empty(KnownDevices.Read(text).Devices);

    [Fact]
    public void Device_ids_are_128_random_bits()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => KnownDevices.NewDeviceId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
