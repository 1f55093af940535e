using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Features.Councils;

/// <summary>
/// Where a council slice shows a piece of itself on the council pages (decision 0024, "Councils pages"): the pages belong to
/// the area kit and name no slice; each slice registers its pieces here, and <see cref="CouncilSections"/> renders them.
/// </summary>
public enum CouncilPageSlot
{
    /// <summary>The council page's row of links under its title; the component takes <c>int CouncilId</c>.</summary>
    Links,

    /// <summary>The council page's calendar box, above the meeting lists; takes <c>int CouncilId</c>.</summary>
    Calendar,

    /// <summary>The council page, between the calendar and the roster; takes <c>int CouncilId</c>.</summary>
    AfterCalendar,

    /// <summary>Each row of a meeting list, after its status; takes <c>int MeetingId</c> and <c>MeetingStatus Status</c>.</summary>
    MeetingRow,
}

/// <summary>A slice's component shown in <paramref name="Slot"/> of the council pages.</summary>
public sealed record CouncilPageSection(CouncilPageSlot Slot, Type Component);

public static class CouncilPageSections
{
    /// <summary>The parameters a section's component takes in each slot (checked at registration, so a mismatch fails at start-up).</summary>
    private static readonly Dictionary<CouncilPageSlot, (string Name, Type Type)[]> ParametersOf = new()
    {
        [CouncilPageSlot.Links] = [(CouncilSections.CouncilIdParameter, typeof(int))],
        [CouncilPageSlot.Calendar] = [(CouncilSections.CouncilIdParameter, typeof(int))],
        [CouncilPageSlot.AfterCalendar] = [(CouncilSections.CouncilIdParameter, typeof(int))],
        [CouncilPageSlot.MeetingRow] = [(CouncilSections.MeetingIdParameter, typeof(int)), (CouncilSections.StatusParameter, typeof(Portal.Domain.Councils.MeetingStatus))],
    };

    /// <summary>Shows <typeparamref name="TComponent"/> in <paramref name="slot"/>; sections of one slot show in registration order.</summary>
    public static IServiceCollection AddCouncilPageSection<TComponent>(this IServiceCollection services, CouncilPageSlot slot)
        where TComponent : IComponent
    {
        foreach (var (name, type) in ParametersOf[slot])
        {
            var property = typeof(TComponent).GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property?.PropertyType != type || property.GetCustomAttribute<ParameterAttribute>() is null)
                throw new InvalidOperationException($"{typeof(TComponent).Name} needs a [Parameter] {type.Name} {name} to show in the council pages' {slot} slot.");
        }
        services.AddSingleton(new CouncilPageSection(slot, typeof(TComponent)));
        return services;
    }
}
