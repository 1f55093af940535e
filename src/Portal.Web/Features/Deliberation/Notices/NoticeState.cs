using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Deliberation.Notices;

/// <summary>Where a notice stands for its status chip: taking objections, waiting to be closed, or closed.</summary>
public enum NoticeState
{
    Open,
    AwaitingClose,
    Closed,
}

public static class NoticeStates
{
    public static NoticeState Of(NoticeView n) => n.ClosedAtUtc is not null ? NoticeState.Closed : n.IsInWindow ? NoticeState.Open : NoticeState.AwaitingClose;

    public static NoticeState Of(NoticeCard n) => n.IsInWindow ? NoticeState.Open : NoticeState.AwaitingClose;

    public static StatusTone Tone(NoticeState state) => state switch
    {
        NoticeState.Open => StatusTone.Info,
        NoticeState.AwaitingClose => StatusTone.Warning,
        _ => StatusTone.Neutral,
    };
}
