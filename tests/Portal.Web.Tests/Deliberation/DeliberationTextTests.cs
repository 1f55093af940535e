using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation;

/// <summary>Every <c>Deliberation.Error.*</c> code the domain or the area's services return has its Chinese and English text.</summary>
public sealed class DeliberationTextTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    public static IEnumerable<string> Codes() =>
        new[] { typeof(Matter).Assembly, typeof(MatterService).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("Deliberation.Error.", StringComparison.Ordinal))
            .Distinct().Order();

    [Fact]
    public void Every_error_code_has_a_chinese_and_an_english_text()
    {
        var localizer = fixture.Host.Services.GetRequiredService<IStringLocalizer<DeliberationText>>();
        var codes = Codes().ToList();
        Assert.True(codes.Count > 40, $"found only {codes.Count} codes");
        var original = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                var missing = codes.Where(c => localizer[c].ResourceNotFound).ToList();
                Assert.True(missing.Count == 0, $"{culture}: {string.Join(", ", missing)}");
            }
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Step names must differ.", localizer[ProcedureTemplate.ErrorDuplicateStepName].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
