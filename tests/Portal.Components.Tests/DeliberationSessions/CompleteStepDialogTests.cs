using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Sessions.Pages;

namespace Portal.Components.Tests.DeliberationSessions;

/// <summary>The complete-step dialog asks for one record per kind of evidence and refuses to send with one missing.</summary>
public sealed class CompleteStepDialogTests : PortalComponentTest
{
    private static readonly TimelineStep Step = new(4, "定公约", PortalRole.CommunitySecretary, [EvidenceKind.Vote, EvidenceKind.SignInSheet], null,
        TimelineState.Current, null, null, false);

    private static readonly SessionTimeline Timeline = new(7, 1, 3, "停车收费", new MatterScope(MatterScopeKind.Community, 1), "杭州七步法", 1,
        DateTime.UtcNow, null, [Step], true, true, Guid.NewGuid());

    [Fact]
    public async Task Each_needed_kind_gets_a_field_and_an_empty_one_is_pointed_out_without_sending()
    {
        // Never reached: the dialog refuses before asking the service (a call would fail on the missing database).
        Services.AddScoped(_ => new SessionService(null!, null!, null!, null!, TimeProvider.System));
        var host = UseDialogs();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await host.InvokeAsync(() => dialogs.ShowAsync<CompleteStepDialog>("完成", new DialogParameters<CompleteStepDialog>
            { { d => d.Timeline, Timeline }, { d => d.Step, Step } }));

        Assert.NotNull(host.Find("[data-testid=evidence-Vote]"));
        Assert.NotNull(host.Find("[data-testid=evidence-SignInSheet]"));
        Assert.Contains("表决记录编号", host.Markup);
        await host.Find("#complete-step-form").SubmitAsync();
        Assert.Equal(2, host.FindAll("[data-testid=field-error]").Count(e => e.TextContent.Trim() == "请填写记录编号。"));
    }
}
