using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Runtime;

public sealed class PublishedVersionsTests
{
    private static readonly string First = Sequence("steps", UserTask("A"));
    private static readonly string Second = Sequence("steps", UserTask("B"));

    [Fact]
    public async Task Start_NewVersionPublishedAndInvalidated_NextStartUsesIt()
    {
        await using var host = await RunnerHost.StartAsync(("steps", First));
        var before = await host.StartAsync("steps", businessKey: "CASE-1");

        var second = await host.PublishAsync("steps", Second, version: 2);
        var after = await host.StartAsync("steps", businessKey: "CASE-2");

        Assert.NotEqual(second, (await host.InstanceAsync(before)).DefinitionVersionId);
        Assert.Equal(second, (await host.InstanceAsync(after)).DefinitionVersionId);
        await host.OpenTaskAsync(after, "B");
    }

    [Fact]
    public async Task Start_NewVersionPublishedWithoutInvalidating_KeepsStartingTheRememberedVersion()
    {
        // Shows the cache is really used: a publisher must call Invalidate, which the test above relies on.
        await using var host = await RunnerHost.StartAsync(("steps", First));
        var first = (await host.InstanceAsync(await host.StartAsync("steps", businessKey: "CASE-1"))).DefinitionVersionId;

        await host.PublishWithoutInvalidatingAsync("steps", Second, version: 2);
        var stale = await host.StartAsync("steps", businessKey: "CASE-2");
        host.Services.GetRequiredService<PublishedVersions>().InvalidateAll();
        var fresh = await host.StartAsync("steps", businessKey: "CASE-3");

        Assert.Equal(first, (await host.InstanceAsync(stale)).DefinitionVersionId);
        Assert.NotEqual(first, (await host.InstanceAsync(fresh)).DefinitionVersionId);
    }

    [Fact]
    public async Task Start_KeyPublishedAfterAFailedStart_StartsWithoutInvalidation()
    {
        // Only found versions are remembered, so the importer's first publication of a key needs no invalidation.
        await using var host = await RunnerHost.StartAsync();
        var missing = await host.Runner.StartAsync("steps", "CASE-1", null, "registrar", CancellationToken.None);

        var published = await host.PublishWithoutInvalidatingAsync("steps", First, version: 1);
        var started = await host.StartAsync("steps", businessKey: "CASE-2");

        Assert.Equal(RunOutcome.NotFound, missing.Outcome);
        Assert.Equal(published, (await host.InstanceAsync(started)).DefinitionVersionId);
    }

    [Fact]
    public async Task Start_CallActivityAfterChildRepublished_StartsTheChildsNewVersion()
    {
        await using var host = await RunnerHost.StartAsync(
            ("parent", Process("parent", """<bpmn:startEvent id="Start" /><bpmn:callActivity id="Call" calledElement="steps" /><bpmn:endEvent id="End" />"""
                + Flow("F1", "Start", "Call") + Flow("F2", "Call", "End"))),
            ("steps", First));
        await host.StartAsync("parent", businessKey: "CASE-1");

        var second = await host.PublishAsync("steps", Second, version: 2);
        var parent = await host.StartAsync("parent", businessKey: "CASE-2");

        await using var db = host.Db();
        var child = db.ProcessInstances.Single(i => i.ParentInstanceId == parent);
        Assert.Equal(second, child.DefinitionVersionId);
    }
}
