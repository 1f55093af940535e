using Portal.Domain.Access;

namespace Portal.Domain.WorkItems.Kinds;

/// <summary>
/// A commitment (承诺践诺): made by an organisation or member, 审核 = triage, 公示 = published to its committer with the
/// promised date (not a plain dispatch), 践诺 by the committer, 评诺 = assessed with three scores (not a plain rating),
/// 归档 = closed once assessed. Once published, everyone who can view the community may see it.
/// </summary>
public sealed class CommitmentKind : WorkItemKindRules
{
    public const string UsePublish = "Commitment.Error.UsePublish";
    public const string ScoresRequired = "Commitment.Error.ScoresRequired";

    public override WorkItemKind Kind => WorkItemKind.Commitment;
    public override bool IsPublishedToEveryone => true;

    public override string? RefusesPlain(WorkItemAction action) => action switch
    {
        // Published to its own committer (the publish step), never sent to a unit.
        WorkItemAction.Dispatch => UsePublish,
        // Rated by its three assessment scores (the assess step), never by a bare satisfaction.
        WorkItemAction.Rate => ScoresRequired,
        _ => null,
    };

    public override bool May(WorkItemViewer viewer, WorkItem w, WorkItemAction action) => action switch
    {
        WorkItemAction.Triage or WorkItemAction.Reject or WorkItemAction.Dispatch or WorkItemAction.Reopen or WorkItemAction.Chase
            or WorkItemAction.Rate => viewer.Manages(w.CommunityId),
        // Filed (归档) only once assessed: a fulfilled commitment is not closed without its scores.
        WorkItemAction.Close => viewer.Manages(w.CommunityId) && w.Status != WorkItemStatus.Reported,
        WorkItemAction.Accept or WorkItemAction.AddProgress or WorkItemAction.ReportBack => WorkItemAccess.IsCommitter(viewer, w),
        // The committer is fixed when it is made: nobody declines it back or claims someone else's promise.
        _ => false,
    };
}
