using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Incidents;

/// <summary>The technical side of an incident: administrators only.</summary>
public sealed record IncidentDetails(string Code, string? ElementId, string Message, string Trigger, long InstanceId);

/// <summary>An unresolved incident. <see cref="Details"/> is null for the chair, who sees which case and step stopped.</summary>
public sealed record IncidentRow(long Id, string? CaseNumber, string ProcessKey, string? ProcessName, int Version, string? StepName,
    DateTimeOffset CreatedAt, IncidentDetails? Details);

public sealed record FoundIncident(long Id, long InstanceId, string? CaseNumber);

/// <summary>
/// The unresolved incidents a user may act on: every one for an administrator, their district's for the chair (an
/// incident belongs to the district of its instance's case). Newest first, from the index on (ResolvedAt, CreatedAt).
/// </summary>
public sealed class IncidentList(WorkflowDbContext db, DefinitionCache definitions)
{
    public const int Limit = 500;

    public static bool MaySee(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Chair);

    public async Task<IReadOnlyList<IncidentRow>> OpenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var details = user.IsInRole(Roles.Administrator);
        var rows = await Visible(user).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(Limit).ToListAsync(cancellationToken);
        var list = new List<IncidentRow>(rows.Count);
        foreach (var r in rows)
            list.Add(new IncidentRow(r.Id, r.CaseNumber, r.Key, r.Name, r.Version,
                await StepNameOfAsync(r.DefinitionVersionId, r.ElementId, cancellationToken), r.CreatedAt,
                details ? new IncidentDetails(r.Code, r.ElementId, r.Message, TriggerOf(r.TriggerJson), r.InstanceId) : null));
        return list;
    }

    /// <summary>The incident if the user may act on it and it is still open; null exactly as for one that does not exist.</summary>
    public async Task<FoundIncident?> FindAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken) =>
        await Visible(user).Where(r => r.Id == id)
            .Select(r => new FoundIncident(r.Id, r.InstanceId, r.CaseNumber)).FirstOrDefaultAsync(cancellationToken);

    private sealed class VisibleIncident
    {
        public long Id { get; init; }
        public long InstanceId { get; init; }
        public required string Code { get; init; }
        public string? ElementId { get; init; }
        public required string Message { get; init; }
        public required string TriggerJson { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string? CaseNumber { get; init; }
        public int? DistrictId { get; init; }
        public long DefinitionVersionId { get; init; }
        public required string Key { get; init; }
        public string? Name { get; init; }
        public int Version { get; init; }
    }

    private IQueryable<VisibleIncident> Visible(ClaimsPrincipal user)
    {
        var open =
            from incident in db.Incidents.AsNoTracking()
            where incident.ResolvedAt == null
            join instance in db.ProcessInstances on incident.InstanceId equals instance.Id
            join definition in db.ProcessDefinitions on instance.DefinitionVersionId equals definition.Id
            join c in db.Cases on instance.BusinessKey equals c.Number into cases
            from c in cases.DefaultIfEmpty()
            select new VisibleIncident
            {
                Id = incident.Id, InstanceId = incident.InstanceId, Code = incident.Code, ElementId = incident.ElementId,
                Message = incident.Message, TriggerJson = incident.TriggerJson, CreatedAt = incident.CreatedAt,
                CaseNumber = instance.BusinessKey, DistrictId = c == null ? null : c.DistrictId,
                DefinitionVersionId = instance.DefinitionVersionId, Key = definition.Key, Name = definition.Name, Version = definition.Version,
            };
        if (user.IsInRole(Roles.Administrator)) return open;
        var district = user.DistrictIdOf();
        return user.IsInRole(Roles.Chair) && district is not null ? open.Where(r => r.DistrictId == district) : open.Where(_ => false);
    }

    private async Task<string?> StepNameOfAsync(long versionId, string? elementId, CancellationToken cancellationToken)
    {
        if (elementId is null) return null;
        var definition = await definitions.GetAsync(db, versionId, cancellationToken);
        return definition.TryGetNode(elementId, out var node) ? node.Name ?? elementId : elementId;
    }

    private static string TriggerOf(string triggerJson) => triggerJson.Length <= 2000 ? triggerJson : triggerJson[..2000] + "…";
}
