namespace Portal.Web.Features.Councils.Setup;

/// <summary>
/// Calendar days (DateOnly, as the seat forms keep them) to and from MudDatePicker's DateTime. The pickers are bound in
/// each form directly: a wrapping component re-rendered with its old value and reset a date typed into a seat's row.
/// </summary>
public static class PickerDays
{
    public static DateTime? ToPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
