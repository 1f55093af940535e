using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

/// <summary>The kit's two choices of an Option: a drop-down (OptionSelect) and a search-as-you-type picker (OptionPicker).</summary>
public sealed class OptionChoiceTests : PortalComponentTest
{
    private static readonly Option[] Communities = [new(1, "青年湖社区"), new(2, "安德里社区"), new(3, "和平里社区")];

    [Fact]
    public void A_drop_down_shows_the_name_of_the_chosen_id_and_carries_its_test_id_and_label_to_the_input()
    {
        var select = Render<OptionSelect<int?>>(p => p.Add(s => s.Options, Communities).Add(s => s.Value, 2)
            .AddUnmatched("data-testid", "edit-community").AddUnmatched("aria-label", "社区"));

        var input = select.Find("input[data-testid=edit-community]");
        Assert.Equal("安德里社区", input.GetAttribute("value"));
        Assert.Equal("社区", input.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public void A_drop_down_with_no_choice_yet_or_an_unknown_id_shows_nothing(int id)
    {
        var select = Render<OptionSelect<int>>(p => p.Add(s => s.Options, Communities).Add(s => s.Value, id).AddUnmatched("data-testid", "edit-grid"));

        Assert.True(string.IsNullOrEmpty(select.Find("input[data-testid=edit-grid]").GetAttribute("value")));
    }

    [Fact]
    public void A_picker_shows_the_chosen_option_by_name()
    {
        var picker = Render<OptionPicker>(p => p.Add(s => s.Options, Communities).Add(s => s.Value, 3).AddUnmatched("data-testid", "edit-unit"));

        Assert.Equal("和平里社区", picker.Find("input[data-testid=edit-unit]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_picker_with_a_server_search_asks_the_server_with_the_typed_text_and_returns_the_choice_as_an_id()
    {
        var asked = new List<string?>();
        int? chosen = null;
        UsePopovers();
        var picker = Render<OptionPicker>(p => p
            .Add(s => s.Search, (text, _) =>
            {
                asked.Add(text);
                return Task.FromResult<IReadOnlyList<Option>>([new Option(42, "王建国 13800138000")]);
            })
            .Add(s => s.ValueChanged, (int? id) => chosen = id)
            .AddUnmatched("data-testid", "edit-leader"));

        await picker.Find("input[data-testid=edit-leader]").InputAsync(new ChangeEventArgs { Value = "王" });
        picker.WaitForAssertion(() => Assert.Contains("王", asked), TimeSpan.FromSeconds(5));

        var autocomplete = picker.FindComponent<MudAutocomplete<Option>>();
        await picker.InvokeAsync(() => autocomplete.Instance.SelectOptionAsync(new Option(42, "王建国 13800138000")));
        Assert.Equal(42, chosen);
    }
}
