namespace Portal.Web.Components.Shared;

/// <summary>
/// The value a kit picker shows is its own copy, replaced only when the parent passes a value different from the last one
/// it saw or sent (decision 0019). Rendering straight from the parent's value lost typed input: inside a MudDialog or a
/// table row the picker redrew (after its change event) before the parent had passed the new value down, saw the old one
/// and reported it back. <see cref="DayPicker"/>, <see cref="TimeOfDayPicker"/> and <see cref="DayTimePicker"/> use it.
/// </summary>
public sealed class PickerCopy<T> where T : struct
{
    private T? _seen;
    private bool _started;

    /// <summary>True when the parent passed a new value, which the picker then shows in place of its copy.</summary>
    public bool IsNew(T? value)
    {
        if (_started && Nullable.Equals(value, _seen)) return false;
        _started = true;
        _seen = value;
        return true;
    }

    /// <summary>The picker sends <paramref name="value"/> to the parent: the parent passing it back is not new.</summary>
    public T? Sent(T? value)
    {
        _seen = value;
        return value;
    }
}
