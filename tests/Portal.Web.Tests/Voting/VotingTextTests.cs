using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Outcome = Portal.Domain.Voting.Outcome;

namespace Portal.Web.Tests.Voting;

/// <summary>Every code the voting area returns is in both languages; the verdict reads with its arithmetic.</summary>
public sealed class VotingTextTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static IEnumerable<string> ConstantsOf(Type type, string prefix) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith(prefix, StringComparison.Ordinal));

    private static IEnumerable<string> AllKeys()
    {
        var domain = typeof(Vote).Assembly.GetTypes().Where(t => t.Namespace == typeof(Vote).Namespace)
            .SelectMany(t => ConstantsOf(t, "Voting."));
        var web = typeof(VoteService).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("Portal.Web.Features.Voting", StringComparison.Ordinal) == true)
            .SelectMany(t => ConstantsOf(t, "Vote."));
        var channels = Enum.GetValues<BallotChannel>().Select(VoteService.ChannelKey);
        var verdicts = Enum.GetValues<Outcome>().Select(o => "Verdict." + o);
        var quorum = from g in new[] { Group.Participants, Group.Present } from m in Enum.GetValues<Measure>() select $"Tally.Quorum.{g}.{m}";
        var pass = from g in Enum.GetValues<Group>() from m in Enum.GetValues<Measure>() select $"Tally.Pass.{g}.{m}";
        return domain.Concat(web).Concat(channels).Concat(verdicts).Concat(quorum).Concat(pass).Append("Tally.Agree").Distinct();
    }

    [Fact]
    public void Every_code_of_the_voting_area_has_its_Chinese_and_its_English_text()
    {
        var localizer = fixture.Host.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(VotingText));
        var keys = AllKeys().ToList();
        Assert.Contains(DecisionEngine.SecondBallot, keys);
        Assert.Contains(OwnerRoll.DuplicateUnit, keys);
        Assert.Contains(VoteService.AlreadyVoted, keys);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var missing = new List<string>();
            foreach (var key in keys)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                var zh = localizer[key];
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                var en = localizer[key];
                // A key missing from the English file falls back to the Chinese text.
                if (zh.ResourceNotFound || en.ResourceNotFound || zh.Value == en.Value) missing.Add(key);
            }
            Assert.True(missing.Count == 0, "Missing or untranslated in VotingText: " + string.Join(", ", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private string Text(Message message, string culture = "zh-CN")
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return fixture.Host.Services.GetRequiredService<ResultText>()[message];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Verdict Count(RuleSet rules, Elector[] roll, IReadOnlyCollection<string>? present, BallotQuestion question, params Ballot[] ballots) =>
        DecisionEngine.Count(rules, new TallyInput(roll, present, question, ballots)).Verdict!;

    [Fact]
    public void A_verdict_reads_line_by_line_with_its_arithmetic_and_a_plain_outcome()
    {
        // 68.3% of the area took part, but one owner of two (50%): no quorum.
        var verdict = Count(ShippedRuleSets.OwnersMajorMatters, [new("owner:1", 68.3m), new("owner:2", 31.7m)], null, BallotQuestion.Motion,
            Ballot.Agree("owner:1"));
        var lines = VerdictText.Lines(verdict, [], isMotion: true);
        Assert.Equal(["参与面积 68.3% ≥ 2/3 ✓", "参与人数 50.0% ≥ 2/3 ✗"], lines.Select(l => Text(l)));
        Assert.Equal(["Participating area 68.3% ≥ 2/3 ✓", "Participants 50.0% ≥ 2/3 ✗"], lines.Select(l => Text(l, "en")));
        Assert.Equal("未达法定人数", Text(VerdictText.Plain(verdict.Outcome)));
        Assert.Equal("No quorum", Text(VerdictText.Plain(verdict.Outcome), "en"));

        // Exactly 2/3 takes part and exactly 3/4 of them agree: both hold, shown as the rounded share.
        Elector[] six = [.. Enumerable.Range(1, 6).Select(i => new Elector($"owner:{i}", 100m))];
        var passed = Count(ShippedRuleSets.OwnersMajorMatters, [.. six, new("owner:7", 100m), new("owner:8", 100m), new("owner:9", 100m)], null,
            BallotQuestion.Motion, Ballot.Agree("owner:1"), Ballot.Agree("owner:2"), Ballot.Agree("owner:3"), Ballot.Agree("owner:4"),
            Ballot.Disagree("owner:5"), Ballot.Agree("owner:6"));
        Assert.Equal(["参与面积 66.7% ≥ 2/3 ✓", "参与人数 66.7% ≥ 2/3 ✓", "同意面积占参与 83.3% ≥ 3/4 ✓", "同意人数占参与 83.3% ≥ 3/4 ✓"],
            VerdictText.Lines(passed, [], isMotion: true).Select(l => Text(l)));
        Assert.Equal("通过", Text(VerdictText.Plain(Outcome.Passed)));
        Assert.Equal("未通过", Text(VerdictText.Plain(Outcome.Failed)));
    }

    [Fact]
    public void An_option_of_a_one_of_n_question_is_named_by_its_text()
    {
        var verdict = Count(ShippedRuleSets.ResidentsMeeting, [new("person:1", 0), new("person:2", 0), new("person:3", 0)], ["person:1", "person:2"],
            BallotQuestion.OneOf(2), new Ballot("person:1", [1]), new Ballot("person:2", [1]));
        var lines = VerdictText.Lines(verdict, ["方案甲", "方案乙"], isMotion: false).Select(l => Text(l)).ToList();
        Assert.Equal("到会人数 66.7% > 1/2 ✓", lines[0]);
        Assert.Contains("方案乙人数占到会 100.0% > 1/2 ✓", lines);
        Assert.Contains("方案甲人数占到会 0.0% > 1/2 ✗", lines);
    }
}
