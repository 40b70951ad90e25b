using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Web.Layout;
using MonitoringWorkflows.Web.Localization;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Designer;

public sealed record CatalogChoice(string Value, string Label);

public sealed record CatalogForm(string Key, string Label, int Version);

public sealed record CatalogAction(string Name, string Description, IReadOnlyList<string> Parameters);

/// <summary>What the properties panel's dropdowns offer: agencies and roles by code with names in the user's language, published forms, actions.</summary>
public sealed record Catalog(
    IReadOnlyList<CatalogChoice> Agencies,
    IReadOnlyList<CatalogChoice> Roles,
    IReadOnlyList<CatalogForm> Forms,
    IReadOnlyList<CatalogAction> Actions);

public sealed class DesignerCatalog(WorkflowDbContext db, ServiceActionRegistry actions, IStringLocalizer<SharedText> text)
{
    public async Task<Catalog> ReadAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
        var published = await db.FormDefinitions.AsNoTracking().Where(f => f.Status == DefinitionStatus.Published)
            .Select(f => new CatalogForm(f.Key, f.Name ?? f.Key, f.Version)).ToListAsync(cancellationToken);
        var forms = published.GroupBy(f => f.Key).Select(g => g.MaxBy(f => f.Version)!);
        return new Catalog(
            agencies.Select(a => new CatalogChoice(a.Code, text.Agency(a.Code, a.Name))).ToList(),
            Organisation.Roles.All.Select(r => new CatalogChoice(r, text.Role(r))).ToList(),
            forms.OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            actions.All.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new CatalogAction(a.Name, a.Description, a.Parameters)).ToList());
    }
}
