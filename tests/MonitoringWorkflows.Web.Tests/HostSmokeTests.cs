using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using MonitoringWorkflows.Web.Definitions;
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
            using var client = factory.CreateClient();

            var health = await client.GetAsync("/health");
            var definitions = await client.GetFromJsonAsync<List<DefinitionSummary>>("/api/definitions");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
            Assert.Equal([new DefinitionSummary("referral", 1, "Published", "referral process")], definitions);
        }
        using var connection = new SqliteConnection($"Data Source={folder.Combine("data", "monitoring.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
