using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;
using static Microsoft.Playwright.Assertions;
using Portal.Web.Kit.Results;
using Portal.Testing;

namespace Portal.Browser.Tests.ListsWorkItems;

/// <summary>The evidence files of a progress step, as the liaison of 东城区第二人民医院 adds them on the item's page.</summary>
public sealed class EvidenceBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>, IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A need the secretary dispatched to the hospital and its liaison accepted: ready for progress notes.</summary>
    private async Task<int> InProgressNeedAsync(string title)
    {
        int community, hospital;
        await using (var db = await server.Portal.NewDbContextAsync(Ct))
        {
            community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
            hospital = await db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct);
        }
        async Task<Guid> Version(int id)
        {
            await using var db = await server.Portal.NewDbContextAsync(Ct);
            return await db.WorkItems.Where(w => w.Id == id).Select(w => w.Version).SingleAsync(Ct);
        }
        void Ok(Result result) => Assert.True(result.Succeeded, $"{result.Outcome}: {server.Portal.TextOf(result)}");

        var raised = await server.Portal.AsAsync<WorkItemService, Result>("resident", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = title, Category = WorkItemCategories.Safety, CommunityId = community, Urgency = Urgency.General,
        }, Ct));
        Ok(raised);
        var id = raised.Id;
        Ok(await server.Portal.AsAsync<WorkItemService, Result>("secretary", async s => await s.TriageAsync(id, await Version(id), true, false, ct: Ct)));
        Ok(await server.Portal.AsAsync<WorkItemService, Result>("secretary", async s => await s.DispatchAsync(id, await Version(id), hospital, Urgency.Complex, ct: Ct)));
        Ok(await server.Portal.AsAsync<WorkItemService, Result>("liaison", async s => await s.AcceptAsync(id, await Version(id), ct: Ct)));
        return id;
    }

    /// <summary>Files on disk, as a person picks them: the browser reads them itself (a 5 MB buffer sent through the driver is slow).</summary>
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("portal-evidence-");

    private async Task<string> FileAsync(string name, byte[] content)
    {
        var path = Path.Combine(_files.FullName, name);
        await File.WriteAllBytesAsync(path, content, Ct);
        return path;
    }

    public void Dispose() => _files.Delete(recursive: true);

    [Fact]
    public async Task An_oversized_evidence_file_refuses_the_step_keeps_the_note_and_once_removed_the_step_saves()
    {
        var id = await InProgressNeedAsync("楼顶防水层破损");
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var liaison = await PortalPage.SignedInPageAsync(context, "liaison", $"/lists/items/{id}");
        var steps = liaison.GetByTestId("history-step");
        var stepsBefore = await steps.CountAsync();
        var big = new byte[Attachment.MaxBytes + 1];
        Png.CopyTo(big, 0);
        const string note = "已上楼查看，防水层**三处**破损，附现场照片。";

        await liaison.GetByTestId("action-AddProgress").ClickAsync();
        await liaison.GetByTestId("action-note").FillAsync(note);
        await liaison.GetByTestId("action-files").SetInputFilesAsync([await FileAsync("现场.png", Png), await FileAsync("航拍全景.png", big)]);
        await Expect(liaison.GetByTestId("action-selected-files")).ToContainTextAsync("航拍全景.png");
        await liaison.GetByTestId("action-submit").ClickAsync();

        // The whole step is refused with the file's message; what was typed stays, and nothing was saved.
        await Expect(liaison.GetByTestId("action-error")).ToHaveTextAsync("文件“航拍全景.png”超过 5 MB：请移除它或换一个较小的文件后再提交。");
        await Expect(liaison.GetByTestId("action-form")).ToBeVisibleAsync();
        await Expect(liaison.GetByTestId("action-note")).ToHaveValueAsync(note);
        await Expect(steps).ToHaveCountAsync(stepsBefore);
        await using (var db = await server.Portal.NewDbContextAsync(Ct))
            Assert.Equal(stepsBefore, await db.WorkItemEvents.CountAsync(e => e.WorkItemId == id, Ct));

        // Removing the oversized file lets the step save with the other one and the note as typed.
        await liaison.GetByTestId("action-selected-files").Locator("li").Filter(new() { HasText = "航拍全景.png" }).GetByTestId("action-file-remove").ClickAsync();
        await Expect(liaison.GetByTestId("action-selected-files")).Not.ToContainTextAsync("航拍全景.png");
        await Expect(liaison.GetByTestId("action-error")).ToHaveCountAsync(0);
        await liaison.GetByTestId("action-submit").ClickAsync();
        await Expect(liaison.GetByTestId("action-form")).ToHaveCountAsync(0);
        await Expect(steps).ToHaveCountAsync(stepsBefore + 1);
        await Expect(liaison.GetByTestId("history-note").Last).ToContainTextAsync("三处");
        await Expect(liaison.GetByTestId("attachment-link")).ToHaveTextAsync("现场.png");
    }

    [Fact]
    public async Task More_evidence_files_than_a_step_takes_are_refused_with_the_limit_the_note_stays_and_the_page_keeps_working()
    {
        var id = await InProgressNeedAsync("小区围墙多处开裂");
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var liaison = await PortalPage.SignedInPageAsync(context, "liaison", $"/lists/items/{id}");
        var steps = liaison.GetByTestId("history-step");
        var stepsBefore = await steps.CountAsync();
        var photos = new List<string>();
        for (var i = 1; i <= Attachment.MaxFilesPerStep + 1; i++) photos.Add(await FileAsync($"围墙{i:00}.png", Png));
        const string note = "围墙裂缝已逐段拍照，共**十一**处。";
        var limit = $"一次最多上传 {Attachment.MaxFilesPerStep} 个文件：请移除多余的文件后再提交。";

        await liaison.GetByTestId("action-AddProgress").ClickAsync();
        await liaison.GetByTestId("action-note").FillAsync(note);
        await liaison.GetByTestId("action-files").SetInputFilesAsync(photos);

        // Every chosen file is listed and the limit is named at once; submitting is refused with it, keeping what was typed.
        await Expect(liaison.GetByTestId("action-file-remove")).ToHaveCountAsync(Attachment.MaxFilesPerStep + 1);
        await Expect(liaison.GetByTestId("action-error")).ToHaveTextAsync(limit);
        await liaison.GetByTestId("action-submit").ClickAsync();
        await Expect(liaison.GetByTestId("action-error")).ToHaveTextAsync(limit);
        await Expect(liaison.GetByTestId("action-note")).ToHaveValueAsync(note);
        await Expect(steps).ToHaveCountAsync(stepsBefore);
        await using (var db = await server.Portal.NewDbContextAsync(Ct))
            Assert.Equal(stepsBefore, await db.WorkItemEvents.CountAsync(e => e.WorkItemId == id, Ct));

        // The circuit lives on: removing one file clears the message and the step saves with the ten others.
        await liaison.GetByTestId("action-selected-files").Locator("li").Filter(new() { HasText = "围墙11.png" }).GetByTestId("action-file-remove").ClickAsync();
        await Expect(liaison.GetByTestId("action-error")).ToHaveCountAsync(0);
        await liaison.GetByTestId("action-submit").ClickAsync();
        await Expect(liaison.GetByTestId("action-form")).ToHaveCountAsync(0);
        await Expect(steps).ToHaveCountAsync(stepsBefore + 1);
        await Expect(liaison.GetByTestId("history-note").Last).ToContainTextAsync("十一");
        await Expect(liaison.GetByTestId("attachment-link")).ToHaveCountAsync(Attachment.MaxFilesPerStep);
    }
}
