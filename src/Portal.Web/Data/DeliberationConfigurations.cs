using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.Voting;
using Portal.Domain.WorkItems;

namespace Portal.Web.Data;

// Deliberation (issue 13, decision 0031). A template version and a session's record are immutable values read and
// written whole, so their steps and completions are JSON text columns (provider-neutral: TEXT on SQLite, text on
// PostgreSQL), compared element by element (ImmutableArray compares by reference). Matters, sessions and templates are kept
// from deletion by the community they belong to (Restrict); a matter's need is a real foreign key, kept too.

internal sealed class ProcedureTemplateConfiguration : IEntityTypeConfiguration<ProcedureTemplate>
{
    public void Configure(EntityTypeBuilder<ProcedureTemplate> e)
    {
        e.ToTable("ProcedureTemplates");
        e.Property(x => x.Name).HasMaxLength(ProcedureTemplate.NameMaxLength);
        e.Property(x => x.Steps).HasJsonConversion();
        e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        e.HasIndex(x => new { x.OwnerScope, x.OwnerId });
    }
}

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> e)
    {
        e.ToTable("Matters");
        e.Property(x => x.Title).HasMaxLength(Matter.TitleMaxLength);
        e.Property(x => x.Description).HasMaxLength(Matter.DescriptionMaxLength);
        e.Property(x => x.ScreeningReason).HasMaxLength(Matter.ReasonMaxLength);
        e.Property(x => x.RaisedByUserId).HasMaxLength(450);
        e.Property(x => x.ScreenedByUserId).HasMaxLength(450);
        e.ComplexProperty(x => x.Scope, MatterScopeColumns.Map);
        e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MergedIntoMatterId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.Status, x.RaisedAtUtc });
        e.HasIndex(x => new { x.RaisedByUserId, x.RaisedAtUtc });
        e.HasIndex(x => x.WorkItemId);
    }
}

internal sealed class DeliberationSessionConfiguration : IEntityTypeConfiguration<DeliberationSession>
{
    public void Configure(EntityTypeBuilder<DeliberationSession> e)
    {
        e.ToTable("DeliberationSessions");
        e.Property(x => x.Title).HasMaxLength(Matter.TitleMaxLength);
        e.Property(x => x.TemplateName).HasMaxLength(ProcedureTemplate.NameMaxLength);
        e.Property(x => x.Steps).HasJsonConversion();
        e.Property(x => x.Completions).HasJsonConversion();
        e.ComplexProperty(x => x.Scope, MatterScopeColumns.Map);
        e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ProcedureTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        // One session per matter: a matter is deliberated once (a second start is refused, a racing one fails here).
        e.HasIndex(x => x.MatterId).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.FinishedAtUtc, x.StartedAtUtc });
        e.HasIndex(x => x.TemplateId);
    }
}

internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> e)
    {
        e.ToTable("PublicNotices");
        e.Property(x => x.Objections).HasJsonConversion();
        // A notice is part of its session's record: the session is kept from deletion while it has one.
        e.HasOne<DeliberationSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.ClosedAtUtc });
        // Notices published before the text was asked for keep an empty one (the column was added with that default).
        e.Property(x => x.Text).HasMaxLength(PublicNotice.DecisionTextMaxLength).HasDefaultValue("");
        // The implementation task is part of the record as well: kept from deletion while the notice points at it.
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.TaskWorkItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.TaskWorkItemId);
    }
}

/// <summary>
/// The vote deciding a session step: one per step (unique session + step), and a vote decides one step only (unique
/// vote). Both sides are kept from deletion while linked: the link is evidence in the session's record.
/// </summary>
internal sealed class SessionVoteConfiguration : IEntityTypeConfiguration<SessionVote>
{
    public void Configure(EntityTypeBuilder<SessionVote> e)
    {
        e.ToTable("SessionVotes");
        e.Property(x => x.LinkedByUserId).HasMaxLength(450);
        e.HasOne<DeliberationSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.StepIndex }).IsUnique();
        e.HasIndex(x => x.VoteId).IsUnique();
    }
}

/// <summary>
/// Opinions of a session's comment windows (decision 0034): never deleted (hidden with a reason instead), so the session
/// is kept from deletion while it has one, and so is the plan version an opinion comments on.
/// </summary>
internal sealed class OpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> e)
    {
        e.ToTable("Opinions");
        e.Property(x => x.AuthorUserId).HasMaxLength(450);
        e.Property(x => x.AuthorName).HasMaxLength(256);
        e.Property(x => x.BodyMarkdown).HasMaxLength(Opinion.BodyMaxLength);
        e.Property(x => x.HiddenByUserId).HasMaxLength(450);
        e.Property(x => x.HiddenReason).HasMaxLength(Opinion.ReasonMaxLength);
        e.HasOne<DeliberationSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PlanVersion>().WithMany().HasForeignKey(x => x.PlanVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.PostedAtUtc });
        e.HasIndex(x => x.PlanVersionId);
    }
}

/// <summary>One support per person and opinion: the unique index is the rule (a double click or a second tab is refused here).</summary>
internal sealed class OpinionSupportConfiguration : IEntityTypeConfiguration<OpinionSupport>
{
    public void Configure(EntityTypeBuilder<OpinionSupport> e)
    {
        e.ToTable("OpinionSupports");
        e.Property(x => x.UserId).HasMaxLength(450);
        e.HasOne<Opinion>().WithMany().HasForeignKey(x => x.OpinionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OpinionId, x.UserId }).IsUnique();
    }
}

/// <summary>Plan versions numbered within their session: the unique index refuses a second "next version" written at the same moment.</summary>
internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> e)
    {
        e.ToTable("PlanVersions");
        e.Property(x => x.BodyMarkdown).HasMaxLength(PlanVersion.BodyMaxLength);
        e.Property(x => x.ChangeSummary).HasMaxLength(PlanVersion.SummaryMaxLength);
        e.Property(x => x.AuthorUserId).HasMaxLength(450);
        e.Property(x => x.AuthorName).HasMaxLength(256);
        e.HasOne<DeliberationSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.Number }).IsUnique();
    }
}

/// <summary>A matter's scope as two columns, in the matter and in its session alike.</summary>
internal static class MatterScopeColumns
{
    public static void Map(ComplexPropertyBuilder<MatterScope> scope)
    {
        scope.Property(x => x.Kind).HasColumnName("ScopeKind");
        scope.Property(x => x.Id).HasColumnName("ScopeId");
    }
}

/// <summary>
/// A whole immutable array stored as JSON text. Compared element by element (the elements compare by value, evidence
/// included): an <see cref="ImmutableArray{T}"/> itself compares by reference, which would hide changes or invent them.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static PropertyBuilder<ImmutableArray<T>> HasJsonConversion<T>(this PropertyBuilder<ImmutableArray<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            text => JsonSerializer.Deserialize<ImmutableArray<T>>(text, Options),
            new ValueComparer<ImmutableArray<T>>(
                (a, b) => Enumerable.SequenceEqual(a, b),
                v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                v => v));
}
