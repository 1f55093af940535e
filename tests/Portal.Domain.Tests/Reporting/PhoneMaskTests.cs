using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("010-6512345", "010****2345")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "*****67")]
    [InlineData("12", "12")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_phone_keeps_its_first_three_and_last_four_digits(string? phone, string masked) => Assert.Equal(masked, PhoneMask.Mask(phone));
}
