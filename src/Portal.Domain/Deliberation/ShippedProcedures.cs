using Portal.Domain.Access;
using static Portal.Domain.Access.PortalRole;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Domain.Deliberation;

/// <summary>
/// The procedures a community or street starts from (shared/domain.md §4). Each call makes version 1 of a new template
/// for the given owner, which the owner may then revise. Choices (decision 0029):
/// <list type="bullet">
/// <item>The community secretary completes most steps: the secretary runs the session and is accountable for its record.
/// Grid workers complete the steps that happen door to door (collecting matters, 居民说事); the street administrator
/// completes 破解难事, the hard cases a community escalates to the street.</item>
/// <item>Every step needs at least one record, so no step can be ticked off with nothing to show if a decision is challenged.
/// Meetings need their sign-in sheet; steps that gather views need opinions; the deciding step needs the vote; the step
/// after a decision needs the closed public notice (objections answered) before implementation counts, and the last
/// step needs residents' ratings.</item>
/// <item>Time limits only where a window is the point of the step: 7 days for a comment window (as the default notice
/// period), 30 days for collecting ratings. Other steps take as long as the matter needs.</item>
/// </list>
/// </summary>
public static class ShippedProcedures
{
    public const int CommentWindowDays = 7;
    public const int RatingWindowDays = 30;

    /// <summary>Hangzhou, 2020: the seven-step method (七步议事法).</summary>
    public static ProcedureTemplate Hangzhou(ScopeKind ownerScope, int ownerId) => Make("杭州七步议事法", ownerScope, ownerId, HangzhouSteps);

    private static readonly ProcedureStep[] HangzhouSteps =
    [
        ProcedureStep.Of("提议题", CommunitySecretary, null, Opinions),
        ProcedureStep.Of("出主意", CommunitySecretary, CommentWindowDays, Opinions, SignInSheet),
        ProcedureStep.Of("拟方案", CommunitySecretary, null, PlanDocument),
        ProcedureStep.Of("开言路", CommunitySecretary, CommentWindowDays, Opinions),
        ProcedureStep.Of("定公约", CommunitySecretary, null, PlanDocument, SignInSheet),
        ProcedureStep.Of("说了算", CommunitySecretary, null, Vote),
        ProcedureStep.Of("有回音", CommunitySecretary, RatingWindowDays, EvidenceKind.PublicNotice, ImplementationRecord, Ratings),
    ];

    /// <summary>Baiyin, Gansu, 2025: 居民说事 → … → 群众评事.</summary>
    public static ProcedureTemplate Baiyin(ScopeKind ownerScope, int ownerId) => Make("白银七步议事法", ownerScope, ownerId, BaiyinSteps);

    private static readonly ProcedureStep[] BaiyinSteps =
    [
        ProcedureStep.Of("居民说事", GridWorker, null, Opinions),
        ProcedureStep.Of("下沉听事", CommunitySecretary, null, SignInSheet, Opinions),
        ProcedureStep.Of("公开议事", CommunitySecretary, null, SignInSheet, PlanDocument),
        ProcedureStep.Of("民主定事", CommunitySecretary, null, Vote),
        ProcedureStep.Of("合力办事", CommunitySecretary, null, EvidenceKind.PublicNotice, ImplementationRecord),
        ProcedureStep.Of("破解难事", StreetAdministrator, null, ImplementationRecord),
        ProcedureStep.Of("群众评事", CommunitySecretary, RatingWindowDays, Ratings),
    ];

    /// <summary>
    /// 四议两公开, for villages: the branch proposes, the two committees discuss, the Party members' meeting reviews, the
    /// villagers' (representatives') meeting decides, the decision is published, the result is published.
    /// </summary>
    public static ProcedureTemplate FourDeliberationsTwoDisclosures(ScopeKind ownerScope, int ownerId) =>
        Make("四议两公开", ownerScope, ownerId, FourDeliberationsSteps);

    private static readonly ProcedureStep[] FourDeliberationsSteps =
    [
        ProcedureStep.Of("党支部提议", CommunitySecretary, null, PlanDocument),
        ProcedureStep.Of("两委会商议", CommunitySecretary, null, SignInSheet, Opinions),
        ProcedureStep.Of("党员大会审议", CommunitySecretary, null, SignInSheet, Opinions),
        ProcedureStep.Of("村民会议决议", CommunitySecretary, null, SignInSheet, Vote),
        ProcedureStep.Of("决议公开", CommunitySecretary, null, EvidenceKind.PublicNotice),
        ProcedureStep.Of("实施结果公开", CommunitySecretary, null, ImplementationRecord, EvidenceKind.PublicNotice),
    ];

    /// <summary>五民: residents raise, discuss, decide, do and rate (民提、民议、民决、民办、民评).</summary>
    public static ProcedureTemplate FiveByResidents(ScopeKind ownerScope, int ownerId) => Make("五民议事", ownerScope, ownerId, FiveByResidentsSteps);

    private static readonly ProcedureStep[] FiveByResidentsSteps =
    [
        ProcedureStep.Of("民提", GridWorker, null, Opinions),
        ProcedureStep.Of("民议", CommunitySecretary, CommentWindowDays, SignInSheet, Opinions),
        ProcedureStep.Of("民决", CommunitySecretary, null, Vote),
        ProcedureStep.Of("民办", CommunitySecretary, null, EvidenceKind.PublicNotice, ImplementationRecord),
        ProcedureStep.Of("民评", CommunitySecretary, RatingWindowDays, Ratings),
    ];

    /// <summary>All four for an owner, in the order a community is offered them.</summary>
    public static IReadOnlyList<ProcedureTemplate> All(ScopeKind ownerScope, int ownerId) =>
        [Hangzhou(ownerScope, ownerId), Baiyin(ownerScope, ownerId), FourDeliberationsTwoDisclosures(ownerScope, ownerId), FiveByResidents(ownerScope, ownerId)];

    /// <summary>
    /// The four as shipped for every community (no owner), each under a key fixed here for good: the start-up seeder
    /// stores version 1 of each key once, and a community or street adopts one by copying its steps into its own template.
    /// </summary>
    public static IReadOnlyList<ProcedureTemplate> Global() =>
    [
        Shipped("7d1c2a51-3b0e-4a53-9a61-0c4f1e0a7001", "杭州七步议事法", HangzhouSteps),
        Shipped("7d1c2a51-3b0e-4a53-9a61-0c4f1e0a7002", "白银七步议事法", BaiyinSteps),
        Shipped("7d1c2a51-3b0e-4a53-9a61-0c4f1e0a7003", "四议两公开", FourDeliberationsSteps),
        Shipped("7d1c2a51-3b0e-4a53-9a61-0c4f1e0a7004", "五民议事", FiveByResidentsSteps),
    ];

    private static ProcedureTemplate Make(string name, ScopeKind ownerScope, int ownerId, ProcedureStep[] steps)
    {
        var (template, error) = ProcedureTemplate.Create(name, ownerScope, ownerId, steps);
        return template ?? throw new ArgumentException(error, nameof(ownerScope));
    }

    private static ProcedureTemplate Shipped(string key, string name, ProcedureStep[] steps)
    {
        var (template, error) = ProcedureTemplate.Shipped(Guid.Parse(key), name, steps);
        return template ?? throw new ArgumentException(error, nameof(steps));
    }
}
