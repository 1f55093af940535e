using Portal.Domain.Access;
using Portal.Domain.Deliberation;

namespace Portal.Web.Features.Deliberation.Templates;

/// <summary>A template's latest version as the template list and the session start show it.</summary>
public sealed record TemplateRow(int Id, Guid Key, string Name, ScopeKind? OwnerScope, int? OwnerId, int Version,
    IReadOnlyList<ProcedureStep> Steps, bool CanEdit);

/// <summary>The editor's form: a new template of an owner, or the next version of a template (<see cref="BaseVersion"/> as loaded).</summary>
public sealed class TemplateForm
{
    public ScopeKind OwnerScope { get; set; } = ScopeKind.Community;
    public int OwnerId { get; set; }
    public string Name { get; set; } = "";
    public List<ProcedureStep> Steps { get; set; } = [];
}

/// <summary>A community on the template page: whether the caller may create and revise its own templates (adopt a shipped one).</summary>
public sealed record TemplateCommunity(int Id, string Name, bool CanEdit);
