namespace Portal.Web.Features.Lists.Resources;

/// <summary>Marker for the resources list's and matching's own texts (ResourcesText.resx, zh-CN default, + .en).</summary>
public sealed class ResourcesText;
