using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Monitoring;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Monitoring;

public sealed class ProcessMonitorTests
{
    // Start → A → X: go → B → End, otherwise → End.
    private static readonly string Route = Process("route", """
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="A" mw:agency="Police" />
        <bpmn:exclusiveGateway id="X" default="F_No" />
        <bpmn:userTask id="B" mw:agency="Health" />
        <bpmn:endEvent id="End" />
        """ + Flow("F1", "Start", "A") + Flow("F2", "A", "X") + Flow("F_Yes", "X", "B", "go === true") + Flow("F_No", "X", "End")
        + Flow("F3", "B", "End"));

    /// <summary>
    /// District AAA: case 1 goes on to B after 2 h at A, case 2 ends after 2 h at A, case 3 waits at A.
    /// District BBB: case 1 goes on to B after 4 h at A.
    /// </summary>
    private static async Task<(RunnerHost Host, DistrictScope Aaa)> SeededAsync()
    {
        var host = await RunnerHost.StartAsync(("route", Route));
        var aaa = await DistrictAsync(host, "AAA");
        var bbb = await DistrictAsync(host, "BBB");
        var a1 = await StartCaseAsync(host, aaa, 1);
        var a2 = await StartCaseAsync(host, aaa, 2);
        await StartCaseAsync(host, aaa, 3);
        var b1 = await StartCaseAsync(host, bbb, 1);
        host.Time.Advance(TimeSpan.FromHours(2));
        await CompleteAAsync(host, a1, go: true);
        await CompleteAAsync(host, a2, go: false);
        host.Time.Advance(TimeSpan.FromHours(2));
        await CompleteAAsync(host, b1, go: true);
        await using var db = host.Db();
        return (host, (await DistrictScope.OfAsync(db, aaa.Id, default))!);
    }

    [Fact]
    public async Task ForVersion_OneDistrict_CountsInstancesAtEachElementAndFlowsTakenExactly()
    {
        var (host, aaa) = await SeededAsync();
        await using var _ = host;

        var data = (await MonitorOf(host).ForVersionAsync(aaa, "route", 1, default))!;

        Assert.True(data.UpToDate);
        Assert.Equal("A=1,B=1", Text(data.Current));
        Assert.Equal("F1=3,F2=2,F_No=1,F_Yes=1", Text(data.Flows));
        Assert.Equal(2, data.Completed.Single(c => c.ElementId == "A").Count);
        var stay = data.Steps.Single(s => s.ElementId == "A");
        Assert.Equal(2, stay.Count);
        Assert.Equal(7200, stay.AverageSeconds, 3);
        Assert.InRange(stay.P90Seconds, 7200, 7200 * 1.19);
    }

    [Fact]
    public async Task ForVersion_AllDistricts_AddsTheOtherDistrictsInstances()
    {
        var (host, _) = await SeededAsync();
        await using var __ = host;

        var data = (await MonitorOf(host).ForVersionAsync(DistrictScope.All, "route", 1, default))!;

        Assert.Equal("A=1,B=2", Text(data.Current));
        Assert.Equal("F1=4,F2=3,F_No=1,F_Yes=2", Text(data.Flows));
        Assert.Equal(9600, data.Steps.Single(s => s.ElementId == "A").AverageSeconds, 3);
    }

    [Fact]
    public async Task CasesAt_ListsTheDistrictsCasesWaitingAtTheElement()
    {
        var (host, aaa) = await SeededAsync();
        await using var _ = host;

        var atA = await MonitorOf(host).CasesAtAsync(aaa, "route", 1, "A", default);
        var atB = await MonitorOf(host).CasesAtAsync(aaa, "route", 1, "B", default);

        Assert.Equal(["AAA-2026-0003"], atA!.Select(c => c.CaseNumber));
        Assert.Equal(["AAA-2026-0001"], atB!.Select(c => c.CaseNumber));
    }

    [Fact]
    public async Task TalliesAndPositions_FollowTheInstances_WhenReadAgainAfterMoreSteps()
    {
        var (host, aaa) = await SeededAsync();
        await using var _ = host;
        var positions = new LiveInstances();
        await MonitorOf(host, positions).ForVersionAsync(aaa, "route", 1, default);
        await CompleteAAsync(host, await InstanceOfAsync(host, "AAA-2026-0003"), go: false);

        var data = (await MonitorOf(host, positions).ForVersionAsync(aaa, "route", 1, default))!;

        Assert.Equal("B=1", Text(data.Current));
        Assert.Equal("F1=3,F2=3,F_No=2,F_Yes=1", Text(data.Flows));
    }

    [Fact]
    public void Percentile_IsTheUpperBoundOfTheBucketHoldingTheRank()
    {
        var buckets = new[] { (StayBuckets.Of(TimeSpan.FromMinutes(1).Ticks), 9L), (StayBuckets.Of(TimeSpan.FromHours(5).Ticks), 1L) };

        var p90 = ProcessMonitor.Percentile(buckets, 10, 0.9);
        var p100 = ProcessMonitor.Percentile(buckets, 10, 1.0);

        Assert.InRange(p90, 60, 60 * 1.19);
        Assert.InRange(p100, 5 * 3600, 5 * 3600 * 1.19);
    }

    private static ProcessMonitor MonitorOf(RunnerHost host, LiveInstances? positions = null) => new(host.Db(),
        new TallyCatchUp(host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), host.Services.GetRequiredService<WriteGate>()),
        positions ?? new LiveInstances());

    private static string Text(IEnumerable<ElementCount> counts) =>
        string.Join(",", counts.OrderBy(c => c.ElementId, StringComparer.Ordinal).Select(c => $"{c.ElementId}={c.Count}"));

    private static async Task<District> DistrictAsync(RunnerHost host, string code)
    {
        await using var db = host.Db();
        var district = new District { Code = code, Name = code };
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        return district;
    }

    private static async Task<long> StartCaseAsync(RunnerHost host, District district, int sequence)
    {
        var number = $"{district.Code}-2026-{sequence:D4}";
        await using (var db = host.Db())
        {
            db.Cases.Add(new CaseRecord
            {
                Number = number, DistrictId = district.Id, Year = 2026, Sequence = sequence, CreatedBy = "test",
                CreatedAt = host.Time.GetUtcNow(), ReportJson = "{}", Status = CaseStatus.Open,
            });
            await db.SaveChangesAsync();
        }
        return await host.StartAsync("route", businessKey: number);
    }

    private static async Task<long> InstanceOfAsync(RunnerHost host, string number)
    {
        await using var db = host.Db();
        return await db.ProcessInstances.Where(i => i.BusinessKey == number).Select(i => i.Id).SingleAsync();
    }

    private static async Task CompleteAAsync(RunnerHost host, long instance, bool go)
    {
        var task = await host.OpenTaskAsync(instance, "A");
        var result = await host.Runner.CompleteTaskAsync(task.Id, new JsonObject { ["go"] = go }, "officer", default);
        Assert.True(result.IsOk, result.Message);
    }
}
