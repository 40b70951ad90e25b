using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Hosting;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddApplicationSettingsFile(builder.Environment);
builder.Services.AddPersistence(builder.Configuration);
builder.Services.AddWorkflowRuntime();
builder.Services.AddWorkflowDefinitions(builder.Configuration);

var app = builder.Build();
await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.Services.ImportWorkflowsAsync(app.Lifetime.ApplicationStopping);

app.MapHealthChecks("/health");
app.MapDefinitionsApi();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
