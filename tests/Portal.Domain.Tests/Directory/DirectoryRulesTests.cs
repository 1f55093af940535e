using Portal.Domain.Directory;

namespace Portal.Domain.Tests.Directory;

public sealed class DirectoryRulesTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("010-64211234")]
    [InlineData("0571 8888 6666")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("010-64211234-12")]
    public void Usual_phone_numbers_are_valid(string phone) => Assert.True(DirectoryRules.IsValidPhone(phone));

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("电话")]
    [InlineData("138-abc-5678")]
    [InlineData("++8613812345678")]
    [InlineData("=1+2")]
    [InlineData("123456789012345678901")]
    public void Other_text_is_not_a_phone_number(string phone) => Assert.False(DirectoryRules.IsValidPhone(phone));

    [Theory]
    [InlineData("89.5", 89.5)]
    [InlineData("89.50", 89.5)]
    [InlineData("1,089.5", 1089.5)]
    [InlineData("76 ㎡", 76)]
    [InlineData("76m²", 76)]
    [InlineData("76M2", 76)]
    [InlineData("120平方米", 120)]
    [InlineData(" 64平米 ", 64)]
    public void Areas_are_read_as_spreadsheets_write_them(string text, double expected)
    {
        Assert.True(DirectoryRules.TryParseArea(text, out var area));
        Assert.Equal((decimal)expected, area);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("80,5平方")]
    public void Other_text_is_not_an_area(string text) => Assert.False(DirectoryRules.TryParseArea(text, out _));

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(89.5, true)]
    [InlineData(10000, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(10000.01, false)]
    [InlineData(89.555, false)]
    public void Areas_are_positive_bounded_and_have_at_most_two_decimals(double area, bool valid) =>
        Assert.Equal(valid, DirectoryRules.IsValidArea((decimal)area));
}
