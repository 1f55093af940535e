using Microsoft.Extensions.Localization;

namespace Portal.Web.Components.Shared;

/// <summary>An enum value with its localized name ("{Prefix}.{Value}" in the slice's text), for drop-downs and option lists.</summary>
public sealed record EnumChoice<TEnum>(TEnum Value, string Text) where TEnum : struct, Enum
{
    public static IReadOnlyList<EnumChoice<TEnum>> All(IStringLocalizer localizer, string prefix) =>
        Enum.GetValues<TEnum>().Select(v => new EnumChoice<TEnum>(v, localizer[$"{prefix}.{v}"])).ToList();
}
