using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Kit.Sections;

/// <summary>
/// A parameter every component shown in this slot takes (on a slot enum's member): the page that renders the slot passes
/// it, and <see cref="PageSections.AddPageSection{TComponent}"/> checks the component declares it.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class SlotParameterAttribute(string name, Type type) : Attribute
{
    public string Name { get; } = name;
    public Type Type { get; } = type;
}

/// <summary>A slice's component shown in <paramref name="Slot"/> (a member of an area's slot enum) of the area's pages.</summary>
public sealed record PageSection(Enum Slot, Type Component);

/// <summary>
/// Where a slice shows a piece of itself on a page of its area that belongs to another slice or to the area kit (decision
/// 0024): the page names no slice, each slice registers its pieces here, and <see cref="SlotSections"/> renders them. An
/// area declares its slots as an enum whose members carry <see cref="SlotParameterAttribute"/>s.
/// </summary>
public static class PageSections
{
    /// <summary>
    /// Shows <typeparamref name="TComponent"/> in <paramref name="slot"/>; sections of one slot show in registration order.
    /// A component without the slot's parameters is refused here, so a mismatch fails at start-up rather than on the page.
    /// </summary>
    public static IServiceCollection AddPageSection<TComponent>(this IServiceCollection services, Enum slot)
        where TComponent : IComponent
    {
        foreach (var parameter in ParametersOf(slot))
        {
            var property = typeof(TComponent).GetProperty(parameter.Name, BindingFlags.Public | BindingFlags.Instance);
            if (property?.PropertyType != parameter.Type || property.GetCustomAttribute<ParameterAttribute>() is null)
                throw new InvalidOperationException(
                    $"{typeof(TComponent).Name} needs a [Parameter] {parameter.Type.Name} {parameter.Name} to show in the {slot.GetType().Name}.{slot} slot.");
        }
        services.AddSingleton(new PageSection(slot, typeof(TComponent)));
        return services;
    }

    /// <summary>The parameters the slot's components take, as its enum member declares them.</summary>
    public static IReadOnlyList<SlotParameterAttribute> ParametersOf(Enum slot) =>
        slot.GetType().GetField(slot.ToString())?.GetCustomAttributes<SlotParameterAttribute>().ToList()
        ?? throw new ArgumentException($"{slot} is not a named member of {slot.GetType().Name}.", nameof(slot));
}
