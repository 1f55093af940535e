using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class MinutesWriterTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");

    // Local (China) time on 15 December 2026 as UTC.
    private static DateTime At(int hour, int minute) => new DateTime(2026, 12, 15, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    private static MinutesRecord Recorded() => new(
        CouncilName: "幸福社区党建联席会议",
        MeetingTitle: "2026年12月例会",
        StartsAtUtc: At(9, 0),
        EndsAtUtc: At(11, 5),
        Location: "社区党群服务中心三楼会议室",
        ChairName: "王书记",
        RecorderName: "李敏",
        Attendees:
        [
            new("王书记", "幸福社区党委", IsExpected: true, IsPresent: true),
            new("张强", "区第一人民医院", true, true),
            new("陈红", "实验小学", true, true),
            new("刘洋", "红星物业", true, false, LeaveReason: "出差"),
            new("赵磊", "区税务局", true, false),
            new("周婷", null, true, true),
            new("孙老师", "社区老年大学", IsExpected: false, IsPresent: true),
        ],
        Items:
        [
            new("老旧小区加装电梯", At(9, 5), At(9, 40), "同意在3号楼先行试点", "住户代表介绍了意见征集情况；\n物业表示可协助施工管理。", IsUrgent: false),
            new("暴雨预警应对", At(9, 40), At(9, 55), "各单位清点防汛物资", null, IsUrgent: true),
            new("冬季困难群众走访", null, null, null, null, IsUrgent: false),
        ],
        Resolutions:
        [
            new("3号楼加装电梯试点方案报街道审批", "幸福社区党委", ["红星物业", "区住建局"], new DateOnly(2027, 1, 31)),
            new("汇总防汛物资清单", "红星物业", [], new DateOnly(2026, 12, 20)),
        ]);

    [Fact]
    public void The_draft_minutes_follow_the_meeting_record_exactly()
    {
        const string expected = """
            # 幸福社区党建联席会议会议纪要

            **2026年12月例会**

            - 会议时间：2026年12月15日 09:00—11:05
            - 会议地点：社区党群服务中心三楼会议室
            - 主持人：王书记
            - 记录人：李敏
            - 应到：6人；实到：4人；出席率：66.7%
            - 出席人员：王书记（幸福社区党委）、张强（区第一人民医院）、陈红（实验小学）、周婷
            - 请假人员：刘洋（红星物业）（出差）
            - 缺席人员：赵磊（区税务局）
            - 列席人员：孙老师（社区老年大学）

            ## 议题及讨论情况

            ### 一、老旧小区加装电梯

            - 时间：09:05—09:40
            - 讨论情况：住户代表介绍了意见征集情况；
              物业表示可协助施工管理。
            - 结论：同意在3号楼先行试点

            ### 二、暴雨预警应对（临时议题）

            - 时间：09:40—09:55
            - 讨论情况：未记录
            - 结论：各单位清点防汛物资

            ### 三、冬季困难群众走访

            - 时间：未讨论
            - 讨论情况：未记录
            - 结论：未记录

            ## 会议决定事项

            1. 3号楼加装电梯试点方案报街道审批
               - 责任单位：幸福社区党委
               - 协办单位：红星物业、区住建局
               - 完成时限：2027年1月31日
            2. 汇总防汛物资清单
               - 责任单位：红星物业
               - 协办单位：无
               - 完成时限：2026年12月20日

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), MinutesWriter.Draft(Recorded(), China));
    }

    [Fact]
    public void The_public_version_gives_attendance_as_figures_and_absent_units_and_leaves_out_names_reasons_and_notes()
    {
        const string expected = """
            # 幸福社区党建联席会议会议纪要

            **2026年12月例会**

            > 本纪要为公开版：出席情况只列人数和缺席单位，不列参会人员名单、请假事由和讨论记录（主持人、记录人和督办人按职责列出）。

            - 会议时间：2026年12月15日 09:00—11:05
            - 会议地点：社区党群服务中心三楼会议室
            - 主持人：王书记
            - 记录人：李敏
            - 应到：6人；实到：4人；出席率：66.7%
            - 列席：1人
            - 缺席单位：红星物业、区税务局

            ## 议题及结论

            ### 一、老旧小区加装电梯

            - 时间：09:05—09:40
            - 结论：同意在3号楼先行试点

            ### 二、暴雨预警应对（临时议题）

            - 时间：09:40—09:55
            - 结论：各单位清点防汛物资

            ### 三、冬季困难群众走访

            - 时间：未讨论
            - 结论：未记录

            ## 会议决定事项

            1. 3号楼加装电梯试点方案报街道审批
               - 责任单位：幸福社区党委
               - 协办单位：红星物业、区住建局
               - 完成时限：2027年1月31日
            2. 汇总防汛物资清单
               - 责任单位：红星物业
               - 协办单位：无
               - 完成时限：2026年12月20日

            """;

        var text = MinutesWriter.Draft(Recorded(), China, MinutesEdition.Public);

        Assert.Equal(expected.ReplaceLineEndings("\n"), text);
        foreach (var personal in new[] { "刘洋", "赵磊", "出差", "孙老师", "住户代表" }) Assert.DoesNotContain(personal, text);
    }

    [Fact]
    public void A_unit_with_someone_present_is_not_absent_in_the_public_version()
    {
        var record = Recorded() with
        {
            Attendees = [new("张强", "区第一人民医院", true, true), new("李静", "区第一人民医院", true, false, LeaveReason: "病假"), new("赵磊", "区税务局", true, false)],
        };

        var text = MinutesWriter.Draft(record, China, MinutesEdition.Public);

        Assert.Contains("- 应到：3人；实到：1人；出席率：33.3%\n- 缺席单位：区税务局\n", text);
        Assert.DoesNotContain("病假", text);
        Assert.DoesNotContain("李静", text);
    }

    [Fact]
    public void The_same_record_always_gives_the_same_text()
    {
        Assert.Equal(MinutesWriter.Draft(Recorded(), China), MinutesWriter.Draft(Recorded(), China));
    }

    [Fact]
    public void An_empty_meeting_says_none_and_missing_details_say_not_recorded()
    {
        var record = Recorded() with
        {
            Location = null, ChairName = " ", RecorderName = null, Attendees = [], Items = [], Resolutions = [],
            EndsAtUtc = At(23, 30).AddHours(1), // past midnight
        };

        var text = MinutesWriter.Draft(record, China);

        Assert.Contains("- 会议时间：2026年12月15日 09:00—2026年12月16日 00:30\n", text);
        Assert.Contains("- 会议地点：未记录\n- 主持人：未记录\n- 记录人：未记录\n", text);
        Assert.Contains("- 应到：0人；实到：0人；出席率：—\n- 出席人员：无\n", text);
        Assert.Contains("## 议题及讨论情况\n\n无。\n", text);
        Assert.EndsWith("## 会议决定事项\n\n无。\n", text);
    }

    [Fact]
    public void Line_breaks_in_titles_cannot_break_the_headings()
    {
        var record = Recorded() with { Items = [new("电梯\n# 伪标题", null, null, null, null, false)] };

        Assert.Contains("### 一、电梯 # 伪标题\n", MinutesWriter.Draft(record, China));
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(35, "三十五")]
    [InlineData(99, "九十九")]
    public void Sections_are_numbered_in_chinese(int n, string expected)
    {
        Assert.Equal(expected, MinutesWriter.ChineseNumber(n));
    }
}
