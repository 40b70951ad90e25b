using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Runtime;

public sealed class StepReaderTests
{
    [Fact]
    public async Task TaskWithInstance_EveryColumnFilled_ReadsWhatEfReads()
    {
        await using var host = await RunnerHost.StartAsync(("steps", Sequence("steps", UserTask("A"), UserTask("B"))));
        var id = await host.StartAsync("steps", new JsonObject { ["victimAge"] = 12 });
        var taskRowId = (await host.OpenTaskAsync(id, "A")).Id;
        await using (var fill = host.Db())
        {
            // Every nullable column gets a value, so a column read into the wrong property shows.
            var task = await fill.UserTasks.SingleAsync(t => t.Id == taskRowId);
            task.Name = "name"; task.Role = "Chair"; task.FormKey = "form"; task.InputJson = """{"in":1}""";
            task.DueAt = host.Time.GetUtcNow().AddDays(3); task.ClaimedBy = "claimer"; task.ClaimedAt = host.Time.GetUtcNow().AddHours(1);
            task.CompletedBy = "completer"; task.CompletedAt = host.Time.GetUtcNow().AddHours(2); task.OutputJson = """{"out":2}""";
            var instance = await fill.ProcessInstances.SingleAsync(i => i.Id == id);
            instance.ParentInstanceId = id; instance.ParentTokenId = 7; instance.EndedAt = host.Time.GetUtcNow().AddDays(1);
            await fill.SaveChangesAsync();
        }
        await using var db = host.Db();
        var expected = await db.UserTasks.AsNoTracking().Include(t => t.Instance).SingleAsync(t => t.Id == taskRowId);

        var read = await StepReader.TaskWithInstanceAsync(host.Services.GetRequiredService<RunnerConnection>(), taskRowId, CancellationToken.None);

        AssertSameColumns(expected, read!);
        AssertSameColumns(expected.Instance!, read!.Instance!);
    }

    [Fact]
    public async Task TaskWithInstance_RowChangedThroughAnotherConnection_ReadsTheChange()
    {
        // The runner's connection stays open with its statements prepared: a second read must still see other writers.
        await using var host = await RunnerHost.StartAsync(("steps", Sequence("steps", UserTask("A"))));
        var id = await host.StartAsync("steps");
        var taskRowId = (await host.OpenTaskAsync(id, "A")).Id;
        var runner = host.Services.GetRequiredService<RunnerConnection>();
        var first = await StepReader.TaskWithInstanceAsync(runner, taskRowId, CancellationToken.None);
        await using (var db = host.Db())
            await db.UserTasks.Where(t => t.Id == taskRowId).ExecuteUpdateAsync(u => u.SetProperty(t => t.ClaimedBy, "someone"));

        var second = await StepReader.TaskWithInstanceAsync(runner, taskRowId, CancellationToken.None);

        Assert.Null(first!.ClaimedBy);
        Assert.Equal("someone", second!.ClaimedBy);
    }

    [Fact]
    public async Task TaskWithInstance_NoSuchRow_ReturnsNull()
    {
        await using var host = await RunnerHost.StartAsync();

        Assert.Null(await StepReader.TaskWithInstanceAsync(host.Services.GetRequiredService<RunnerConnection>(), 42, CancellationToken.None));
    }

    private static void AssertSameColumns<T>(T expected, T actual)
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite && !IsNavigation(p.PropertyType)))
            Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)),
                $"{typeof(T).Name}.{property.Name}: expected {property.GetValue(expected)}, read {property.GetValue(actual)}");
    }

    private static bool IsNavigation(Type type) => type.Namespace == typeof(UserTaskRecord).Namespace && type.IsClass;
}
