using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>Every process and form with its draft and its latest published version, for the designer's list.</summary>
public sealed class DefinitionList(WorkflowDbContext db)
{
    public async Task<IReadOnlyList<DefinitionState>> AllAsync(CancellationToken cancellationToken)
    {
        var processes = await StatesAsync(db.ProcessDefinitions, DefinitionKind.Process, cancellationToken);
        var forms = await StatesAsync(db.FormDefinitions, DefinitionKind.Form, cancellationToken);
        return [.. processes, .. forms];
    }

    /// <summary>The content of a published version, or of the draft when <paramref name="version"/> is 0.</summary>
    public async Task<(string Content, int Version)?> ContentAsync(DefinitionKind kind, string key, int? version, CancellationToken cancellationToken)
    {
        var row = kind == DefinitionKind.Process
            ? (IDefinitionVersion?)await Pick(db.ProcessDefinitions, key, version).FirstOrDefaultAsync(cancellationToken)
            : await Pick(db.FormDefinitions, key, version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Content, row.Version);
    }

    private static IQueryable<T> Pick<T>(DbSet<T> rows, string key, int? version) where T : class, IDefinitionVersion
    {
        var ofKey = rows.AsNoTracking().Where(d => d.Key == key);
        return version is { } exact
            ? ofKey.Where(d => d.Version == exact)
            : ofKey.Where(d => d.Status == DefinitionStatus.Published).OrderByDescending(d => d.Version);
    }

    private static async Task<List<DefinitionState>> StatesAsync<T>(DbSet<T> rows, DefinitionKind kind, CancellationToken cancellationToken)
        where T : class, IDefinitionVersion
    {
        // Without the contents: a list of every version's header is small, the XML is not.
        var heads = await rows.AsNoTracking()
            .Select(d => new { d.Key, d.Name, d.Version, d.Status, d.Revision, d.UpdatedBy, d.UpdatedAt, d.PublishedBy, d.PublishedAt })
            .ToListAsync(cancellationToken);
        return heads.GroupBy(h => h.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var draft = g.FirstOrDefault(h => h.Status == DefinitionStatus.Draft);
            var published = g.Where(h => h.Status == DefinitionStatus.Published).MaxBy(h => h.Version);
            return new DefinitionState(kind, g.Key, draft?.Name ?? published?.Name, draft is not null, draft?.Revision,
                draft?.UpdatedBy, draft?.UpdatedAt, published?.Version, published?.PublishedBy, published?.PublishedAt);
        }).ToList();
    }
}
