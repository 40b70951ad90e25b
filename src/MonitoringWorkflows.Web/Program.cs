using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Api;
using MonitoringWorkflows.Web.Audit;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Calendar;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Designer;
using MonitoringWorkflows.Web.Designer.Versions;
using MonitoringWorkflows.Web.Hosting;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Inbox;
using MonitoringWorkflows.Web.Layout;
using MonitoringWorkflows.Web.Localization;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Scheduling;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddApplicationSettingsFile(builder.Environment);
builder.Services.AddPersistence(builder.Configuration);
builder.Services.AddWorkflowRuntime();
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddWorkingCalendar();
builder.Services.AddWorkflowDefinitions(builder.Configuration);
builder.Services.AddUiLocalization();
builder.Services.AddApplicationIdentity(builder.Configuration);
builder.Services.AddApplicationPages();
builder.Services.AddApplicationApi();
builder.Services.AddScoped<MonitoringWorkflows.Web.Cases.CaseIntake>();
builder.Services.AddCaseAccess();
builder.Services.AddCaseReading();
builder.Services.AddAuditSearch();
builder.Services.AddInbox();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddDesigner();
builder.Services.AddVersionTools();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.Services.SeedFirstStartAsync(app.Lifetime.ApplicationStopping);
await app.Services.ImportWorkflowsAsync(app.Lifetime.ApplicationStopping);
await app.Services.LoadWorkingCalendarAsync(app.Lifetime.ApplicationStopping);

app.UseApiProblemDetails();
app.UseApplicationPages();
app.MapHealthChecks("/health");
var api = app.MapApplicationApi();
api.MapInboxApi();
api.MapNotificationsApi();
api.MapDefinitionsApi();
api.MapCasesApi();
api.MapAuditApi();
api.MapSchedulingApi();
api.MapDesignerApi();
api.MapVersionToolsApi();
app.MapApplicationPages();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
