using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Definitions;

public sealed class WorkflowImporterTests
{
    [Fact]
    public async Task ImportAsync_FirstStart_ImportsReadableFilesAsPublishedVersionOneAndSkipsTheRest()
    {
        await using var host = await RunnerHost.StartAsync();
        Write(host, "alpha.bpmn", Sequence("alpha", UserTask("A")));
        Write(host, "broken.bpmn", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><unclosed>");
        Write(host, "forms/risk-screening.form.json", """{ "name": "Risk screening", "components": [] }""");
        Write(host, "forms/bad.form.json", "not json");

        var summary = await Importer(host).ImportAsync(CancellationToken.None);

        Assert.Equal(["alpha"], summary.Processes);
        Assert.Equal(["risk-screening"], summary.Forms);
        await using var db = host.Db();
        var alpha = await db.ProcessDefinitions.SingleAsync();
        Assert.Equal(("alpha", 1, DefinitionStatus.Published, "alpha process"), (alpha.Key, alpha.Version, alpha.Status, alpha.Name));
        Assert.Equal(host.Time.GetUtcNow(), alpha.PublishedAt);
        var form = await db.FormDefinitions.SingleAsync();
        Assert.Equal(("risk-screening", 1, DefinitionStatus.Published, "Risk screening"), (form.Key, form.Version, form.Status, form.Name));
    }

    [Fact]
    public async Task ImportAsync_LaterStart_ImportsOnlyNewKeysAndNeverOverwritesAChangedDefinition()
    {
        await using var host = await RunnerHost.StartAsync();
        Write(host, "alpha.bpmn", Sequence("alpha", UserTask("A")));
        Write(host, "forms/consent.form.json", """{ "components": [] }""");
        await Importer(host).ImportAsync(CancellationToken.None);
        await using (var db = host.Db())
        {
            var alpha = await db.ProcessDefinitions.SingleAsync();
            alpha.Name = "Renamed by the administrator";
            await db.SaveChangesAsync();
        }
        Write(host, "alpha.bpmn", Sequence("alpha", UserTask("A"), UserTask("Changed")));
        Write(host, "forms/consent.form.json", """{ "name": "changed", "components": [] }""");
        Write(host, "beta.bpmn", Sequence("beta", UserTask("B")));

        var summary = await Importer(host).ImportAsync(CancellationToken.None);

        Assert.Equal(["beta"], summary.Processes);
        Assert.Empty(summary.Forms);
        await using var check = host.Db();
        var stored = await check.ProcessDefinitions.SingleAsync(d => d.Key == "alpha");
        Assert.Equal("Renamed by the administrator", stored.Name);
        Assert.DoesNotContain("Changed", stored.BpmnXml);
        Assert.Equal(2, await check.ProcessDefinitions.CountAsync());
        Assert.Equal("consent", (await check.FormDefinitions.SingleAsync()).Name);
    }

    private static WorkflowImporter Importer(RunnerHost host) =>
        (WorkflowImporter)host.Services.GetService(typeof(WorkflowImporter))!;

    private static void Write(RunnerHost host, string relativePath, string content) =>
        File.WriteAllText(Path.Combine(host.WorkflowsFolder, relativePath), content);
}
