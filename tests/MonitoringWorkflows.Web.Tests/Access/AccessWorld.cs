using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Access;

/// <summary>Two districts with cases, each case's instance holding steps of the agencies named, on a real database.</summary>
internal sealed class AccessWorld : IAsyncDisposable
{
    private readonly RunnerHost host;
    private long definitionId;

    private AccessWorld(RunnerHost host) => this.host = host;

    public int Home { get; private set; }
    public int Elsewhere { get; private set; }

    public static async Task<AccessWorld> CreateAsync()
    {
        var world = new AccessWorld(await RunnerHost.StartAsync());
        world.definitionId = await world.host.PublishAsync("p", Sequence("p", UserTask("Step")));
        await using var db = world.host.Db();
        var home = new District { Code = "HOME", Name = "Home" };
        var elsewhere = new District { Code = "AWAY", Name = "Elsewhere" };
        db.Districts.AddRange(home, elsewhere);
        await db.SaveChangesAsync();
        (world.Home, world.Elsewhere) = (home.Id, elsewhere.Id);
        return world;
    }

    public WorkflowDbContext Db() => host.Db();

    /// <summary>An audit writing through its own group-commit journal on this world's database.</summary>
    public CaseViewAudit Audit(out CaseViewJournal journal)
    {
        journal = new CaseViewJournal(host.Services.GetRequiredService<RunnerConnection>(), NullLogger<CaseViewJournal>.Instance);
        return new CaseViewAudit(journal, TimeProvider.System);
    }

    /// <summary>A case in <paramref name="district"/>, recorded by <paramref name="recordedBy"/>, with one step per agency given.</summary>
    public async Task<CaseRecord> CaseAsync(string number, int district, string recordedBy = "registrar@home", params string[] agencies)
    {
        await using var db = host.Db();
        var record = new CaseRecord
        {
            Number = number, DistrictId = district, Year = 2026, Sequence = db.Cases.Count() + 1,
            CreatedBy = recordedBy, ReportJson = "{}",
        };
        var instance = new ProcessInstanceRecord
        {
            DefinitionVersionId = definitionId, BusinessKey = number, StateJson = "{}", StartedBy = recordedBy,
        };
        db.AddRange(record, instance);
        db.UserTasks.AddRange(agencies.Select((agency, i) => new UserTaskRecord
        {
            Instance = instance, TaskId = i + 1, ElementId = "Step", Agency = agency,
            Status = i == 0 ? UserTaskStatus.Completed : UserTaskStatus.Open,
        }));
        await db.SaveChangesAsync();
        return record;
    }

    public static ClaimsPrincipal User(string name, string role, int? district, string? agency = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "id-" + name), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role),
        };
        if (district is { } id) claims.Add(new(ApplicationClaims.DistrictId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (agency is not null) claims.Add(new(ApplicationClaims.AgencyCode, agency));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static string[] Numbers(IEnumerable<CaseRecord> cases) => cases.Select(c => c.Number).Order().ToArray();

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
