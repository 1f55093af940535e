using System.Collections;
using System.Globalization;
using System.Resources;
using Portal.Testing;
using Portal.Web.Data.Audit;
using Portal.Web.Features.Audit;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Audit;

/// <summary>
/// The audit log names what changed and who changed it in the reader's language (issue 10, item 8): every entity type
/// the trail records has a name in Chinese and in English, so an entity added later cannot show up as its class name.
/// </summary>
public sealed class AuditNamesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Every_audited_entity_type_has_a_name_in_the_language(string culture)
    {
        await using var db = await fixture.Host.NewDbContextAsync(Ct);
        var audited = db.Model.GetEntityTypes().Where(AuditRecorder.IsAudited).Select(AuditRecorder.EntityTypeName).Distinct().Order().ToList();
        Assert.Contains("WorkItem", audited);
        Assert.Contains("AgendaChangeEntry", audited);

        // Only the language's own file counts: a missing English name would otherwise fall back to the Chinese one.
        var names = new ResourceManager(typeof(AuditText))
            .GetResourceSet(culture == "en" ? CultureInfo.GetCultureInfo("en") : CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);

        var missing = audited.Where(type => string.IsNullOrWhiteSpace(names.GetValueOrDefault($"Entity.{type}"))).ToList();
        Assert.True(missing.Count == 0, $"Audited entity types without a name in {culture} (add Entity.<type> to AuditText): {string.Join(", ", missing)}");
    }
}
