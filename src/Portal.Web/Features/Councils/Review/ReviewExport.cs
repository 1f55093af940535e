using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Review;

/// <summary>The member units' score table as an export table (CSV or a Word ledger, the portal's one export).</summary>
public static class ReviewExport
{
    public static string Url(int councilId, int year, ExportFormat format) =>
        $"/api/councils/{councilId}/review/{year}/scores?format={ExportFile.QueryValue(format)}";

    /// <summary>The score table with the same columns as the page, and the rules it was computed with in the preamble.</summary>
    public static ExportTable Table(AnnualReviewView view, IStringLocalizer<ReviewText> text, DateOnly today)
    {
        var r = view.Rules.Rules;
        var rows = view.Scores.Select(s => (IReadOnlyList<string>)
        [
            s.Rank.ToString(CultureInfo.InvariantCulture), s.UnitName,
            $"{s.MeetingsAttended}/{s.MeetingsExpected}", s.AttendancePercent is { } p ? Number(p) + "%" : "",
            string.Join(" / ", s.ActivitiesPerQuarter), s.AdoptedTopics.ToString(CultureInfo.InvariantCulture),
            Number(s.AttendancePoints), Number(s.ActivityPoints), Number(s.TopicPoints), Number(s.Total),
        ]).ToList();
        return new ExportTable(
            text["Export.Title", view.CouncilName, view.Year],
            [
                text["Export.Preamble.Council", view.CouncilName],
                text["Export.Preamble.Year", view.Year],
                text["Export.Preamble.Rules", Number(r.AttendanceMaxPoints), Number(r.PointsPerActivity), Number(r.ActivityCapPerQuarter),
                    Number(r.PointsPerAdoptedTopic), Number(r.AdoptedTopicCap)],
                text["Scores.ActivitySource"],
            ],
            [
                new(text["Scores.Rank"], 0.5), new(text["Scores.Unit"], 2.6), new(text["Scores.Attended"], 0.9), new(text["Scores.AttendanceRate"], 0.9),
                new(text["Scores.Activities"], 1.3), new(text["Scores.AdoptedTopics"], 0.8), new(text["Scores.AttendancePoints"], 0.8),
                new(text["Scores.ActivityPoints"], 0.8), new(text["Scores.TopicPoints"], 0.8), new(text["Scores.Total"], 0.8),
            ],
            rows,
            // Three entries spread across the line (a single one would leave the paragraph's tab stops empty).
            [text["Export.Preparer"], text["Export.Reviewer"], text["Export.Date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]]);
    }

    public static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
