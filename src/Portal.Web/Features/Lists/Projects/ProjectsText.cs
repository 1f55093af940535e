namespace Portal.Web.Features.Lists.Projects;

/// <summary>Marker for the projects list's own texts (ProjectsText.resx, zh-CN default, + .en).</summary>
public sealed class ProjectsText;
