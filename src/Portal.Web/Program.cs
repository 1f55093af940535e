using Portal.Web.Components;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Announcements;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Display;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Councils.Review;
using Portal.Web.Features.Councils.Setup;
using Portal.Web.Features.Councils.Topics;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Ratings;
using Portal.Web.Features.Deliberation.Sessions.Export;
using Portal.Web.Features.Deliberation.VoteLinks;
using Portal.Web.Features.Deliberation.Meetings;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Features.Directory;
using Portal.Web.Features.Lists.Board;
using Portal.Web.Features.Lists.Commitments;
using Portal.Web.Features.Lists.Dashboard;
using Portal.Web.Features.Lists.Deadlines;
using Portal.Web.Features.Lists.Projects;
using Portal.Web.Features.Lists.Resources;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Platform;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.RuleSets;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.Services.AddPortalKit();
builder.Services.AddPortalAccounts(builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalLive();
builder.Services.AddPortalDirectory();
builder.Services.AddPortalAnnouncements();
builder.Services.AddPortalAudit();
builder.Services.AddPortalDeadlines();
builder.Services.AddPortalResources();
builder.Services.AddPortalProjects();
builder.Services.AddPortalNotifications();
builder.Services.AddPortalWorkItems();
builder.Services.AddPortalCouncils();
builder.Services.AddPortalCouncilSetup();
builder.Services.AddPortalCouncilMeetings();
builder.Services.AddPortalCouncilAttendance();
builder.Services.AddPortalCouncilDisplay();
builder.Services.AddPortalCouncilTopics();
builder.Services.AddPortalCouncilMinutes();
builder.Services.AddPortalCouncilReview();
builder.Services.AddPortalVoting();
builder.Services.AddPortalVotes();
builder.Services.AddPortalCommitments();
builder.Services.AddPortalVotingRuleSets();
builder.Services.AddPortalDashboard();
builder.Services.AddPortalBoard();
builder.Services.AddPortalDeliberation();
builder.Services.AddPortalDeliberationTemplates();
builder.Services.AddPortalDeliberationMatters();
builder.Services.AddPortalDeliberationSessions();
builder.Services.AddPortalDeliberationOpinions();
builder.Services.AddPortalDeliberationNotices();
builder.Services.AddPortalDeliberationVoteLinks();
builder.Services.AddPortalDeliberationMeetings();
builder.Services.AddPortalDeliberationRatings();
builder.Services.AddPortalPlatform(builder.Environment);
builder.Services.AddPortalUi();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UsePortalPlatform();
app.UsePortalLocalization();
app.UsePortalAccounts();

app.MapPortalHealth();
app.MapPortalLocalization();
app.MapPortalAccounts();
app.MapPortalDirectory();
app.MapPortalAnnouncements();
app.MapPortalWorkItems();
app.MapPortalCommitments();
app.MapPortalVotes();
app.MapPortalSessionArchive();
app.MapPortalCouncilReview();
app.MapPortalCouncilMinutes();
app.MapPortalAudit();
// Signed-in users by cookie, and the projector by its display link (which may read only its meeting's channel).
app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(DisplayLink.HubPolicy);
app.MapPortalCouncilDisplay();
app.MapPortalComponents();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
