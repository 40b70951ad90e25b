using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests;

public sealed class HostSmokeTests
{
    [Fact]
    public async Task Host_FreshDataFolder_MigratesImportsAndListsDefinitions()
    {
        using var folder = new TestDataFolder();
        Directory.CreateDirectory(folder.Combine("workflows"));
        File.WriteAllText(folder.Combine("workflows", "referral.bpmn"), Sequence("referral", UserTask("Screen")));
        await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Data:Folder", folder.Combine("data"))
            .UseSetting("Workflows:Folder", folder.Combine("workflows"))))
        {
            using var anonymous = factory.CreateClient();
            using var client = await SignedInAdministratorAsync(factory);

            var health = await anonymous.GetAsync("/health");
            var refused = await anonymous.GetAsync("/api/definitions");
            var definitions = await client.Http.GetFromJsonAsync<List<DefinitionSummary>>("/api/definitions");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
            Assert.Equal([new DefinitionSummary("referral", 1, "Published", "referral process")], definitions);
        }
        using var connection = new SqliteConnection($"Data Source={folder.Combine("data", "monitoring.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Host_ShippedWorkflows_ImportsEveryDefaultProcessAndFormAndRunsTheReferral()
    {
        using var folder = new TestDataFolder();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Data:Folder", folder.Combine("data")));
        using var client = await SignedInAdministratorAsync(factory);

        var definitions = await client.Http.GetFromJsonAsync<List<DefinitionSummary>>("/api/definitions");

        Assert.Equal(["atRiskFamilyFollowUp", "groupReview", "protectiveMeasures", "violenceReportReferral"],
            definitions!.Select(d => d.Key));
        Assert.All(definitions!, d => Assert.Equal((1, "Published"), (d.Version, d.Status)));
        var shippedForms = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows", "forms"), "*.form.json").Length;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        Assert.Equal(shippedForms, await db.FormDefinitions.CountAsync());
        var started = await factory.Services.GetRequiredService<WorkflowRunner>()
            .StartAsync("violenceReportReferral", "CASE-2026-001", null, "registrar", CancellationToken.None);
        Assert.True(started.IsOk, started.Message);
        Assert.True(await db.UserTasks.AnyAsync(t => t.InstanceId == started.InstanceId && t.Status == UserTaskStatus.Open));
    }

    private static async Task<SiteClient> SignedInAdministratorAsync(WebApplicationFactory<Program> factory)
    {
        var client = new SiteClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var signedIn = await client.SignInAsync("admin@demo.az", SiteHost.DemoPassword);
        Assert.Equal("/", SiteClient.RedirectPath(signedIn));
        return client;
    }
}
