using Portal.Web.Features.Lists;

namespace Portal.Components.Tests.ListsProjects;

/// <summary>A project's rolled-up progress: the bar and the figure beside it.</summary>
public sealed class ProgressBarTests : PortalComponentTest
{
    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(100)]
    public void The_bar_and_its_figure_show_the_percentage(int percent)
    {
        var bar = Render<ProgressBar>(p => p.Add(x => x.Percent, percent));

        Assert.Equal($"{percent}%", bar.Find("[data-testid=progress-value]").TextContent);
        Assert.Equal(percent.ToString(), bar.Find("[data-testid=progress]").GetAttribute("data-percent"));
        Assert.Equal(percent.ToString(), bar.Find(".mud-progress-linear").GetAttribute("aria-valuenow"));
    }
}
