namespace Portal.Web.Features.Lists.Dashboard;

/// <summary>Marker for the dashboard's resources (DashboardText.resx, zh-CN default, + .en).</summary>
public sealed class DashboardText;
