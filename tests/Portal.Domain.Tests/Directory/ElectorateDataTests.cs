using Portal.Domain.Directory;

namespace Portal.Domain.Tests.Directory;

/// <summary>What a roll reads from a person: adulthood on a vote's day, and the representatives' mandate.</summary>
public sealed class ElectorateDataTests
{
    private static Person Born(int year, int month, int day)
    {
        var person = new Person { Name = "张伟" };
        person.RecordBirthDate(new DateOnly(year, month, day), new DateOnly(2026, 12, 7));
        return person;
    }

    [Theory]
    [InlineData(2008, 12, 7, true)]   // the 18th birthday itself
    [InlineData(2008, 12, 8, false)]  // one day short
    [InlineData(2008, 12, 6, true)]
    [InlineData(1950, 1, 1, true)]
    [InlineData(2020, 5, 1, false)]
    public void An_adult_has_lived_eighteen_full_years_on_the_day(int year, int month, int day, bool adult) =>
        Assert.Equal(adult, Born(year, month, day).IsAdultOn(new DateOnly(2026, 12, 7)));

    [Fact]
    public void Someone_born_on_29_February_comes_of_age_on_1_March_of_a_common_year_and_on_29_February_of_a_leap_year()
    {
        var leapling = Born(2008, 2, 29);
        Assert.False(leapling.IsAdultOn(new DateOnly(2026, 2, 28)));
        Assert.True(leapling.IsAdultOn(new DateOnly(2026, 3, 1)));

        var leapling2010 = Born(2010, 2, 28);
        Assert.True(leapling2010.IsAdultOn(new DateOnly(2028, 2, 28)));
        var bornFirstOfMarch = Born(2010, 3, 1);
        Assert.False(bornFirstOfMarch.IsAdultOn(new DateOnly(2028, 2, 29)));
        Assert.True(bornFirstOfMarch.IsAdultOn(new DateOnly(2028, 3, 1)));
        var leap2012 = Born(2012, 2, 29);
        Assert.False(leap2012.IsAdultOn(new DateOnly(2030, 2, 28)));
        Assert.True(Born(2008, 2, 29).IsAdultOn(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void An_unknown_birth_date_answers_neither_adult_nor_minor() =>
        Assert.Null(new Person { Name = "李娜" }.IsAdultOn(new DateOnly(2026, 12, 7)));

    [Fact]
    public void A_birth_date_in_the_future_or_before_1900_is_refused_and_changes_nothing()
    {
        var person = Born(1980, 5, 1);
        var today = new DateOnly(2026, 12, 7);

        Assert.Throws<ArgumentOutOfRangeException>(() => person.RecordBirthDate(today.AddDays(1), today));
        Assert.Throws<ArgumentOutOfRangeException>(() => person.RecordBirthDate(new DateOnly(1899, 12, 31), today));
        Assert.Equal(new DateOnly(1980, 5, 1), person.BirthDate);

        person.RecordBirthDate(today, today);
        person.RecordBirthDate(DirectoryRules.EarliestBirthDate, today);
        Assert.Equal(DirectoryRules.EarliestBirthDate, person.BirthDate);
        person.RecordBirthDate(null, today);
        Assert.Null(person.BirthDate);
    }

    [Fact]
    public void A_representative_represents_the_community_they_live_in_and_moving_out_ends_the_mandate()
    {
        var person = new Person { Name = "王芳" };
        Assert.Throws<InvalidOperationException>(() => person.ServeAsRepresentative(true));
        Assert.False(person.IsRepresentative);

        person.PlaceAt(null, null, residenceCommunityId: 1, gridId: null);
        person.ServeAsRepresentative(true);
        person.PlaceAt(homeUnitId: 3, null, residenceCommunityId: 1, gridId: 2);
        Assert.True(person.IsRepresentative);

        person.PlaceAt(null, null, residenceCommunityId: 2, gridId: null);
        Assert.False(person.IsRepresentative);
    }

    [Fact]
    public void A_building_lies_in_a_stored_property_area_or_in_none()
    {
        var building = new Building { GridId = 1, Name = "1号楼" };
        building.PlaceInPropertyArea(4);
        Assert.Equal(4, building.PropertyAreaId);
        Assert.Throws<ArgumentOutOfRangeException>(() => building.PlaceInPropertyArea(0));
        Assert.Equal(4, building.PropertyAreaId);
        building.PlaceInPropertyArea(null);
        Assert.Null(building.PropertyAreaId);

        var area = new PropertyArea { CommunityId = 1, Name = "一期" };
        Assert.Throws<ArgumentException>(() => area.Update(1, " "));
        area.Update(2, "二期");
        Assert.Equal((2, "二期"), (area.CommunityId, area.Name));
    }
}
