using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Designer.Drafts;

/// <summary>
/// The designer's drafts of processes and forms. A draft is the one row of its key with status Draft (version 0);
/// <see cref="IDefinitionVersion.Revision"/> counts its saves and is the optimistic concurrency token: a save, restore
/// or publish names the revision it started from and gets a <see cref="DraftConflict"/> (who saved, when) instead of
/// overwriting someone else's work. Publishing turns the draft into version N+1, which is never changed again.
/// Contents are not checked here: callers validate before importing or publishing.
/// </summary>
public sealed class DraftStore(IDbContextFactory<WorkflowDbContext> contexts, WriteGate gate, PublishedVersions versions, TimeProvider time)
{
    internal const int DraftVersion = 0;

    public Task<DraftView?> GetAsync(DefinitionKind kind, string key, CancellationToken cancellationToken) => kind == DefinitionKind.Process
        ? GetAsync<ProcessDefinitionRecord>(key, cancellationToken)
        : GetAsync<FormDefinitionRecord>(key, cancellationToken);

    /// <summary>Saves <paramref name="content"/> as the draft when <paramref name="expectedRevision"/> is its revision (0: no draft yet).</summary>
    public Task<DraftOutcome> SaveAsync(DefinitionKind kind, string key, string content, int expectedRevision, string user, CancellationToken cancellationToken) =>
        WriteAsync(kind, key, expectedRevision, user, (_, _) => Task.FromResult<(string, int?)?>((content, null)), cancellationToken);

    /// <summary>Makes an imported file the draft whatever its revision: importing is a deliberate replacement (an open designer then gets a conflict).</summary>
    public Task<DraftOutcome> ReplaceAsync(DefinitionKind kind, string key, string content, string user, CancellationToken cancellationToken) =>
        WriteAsync(kind, key, expectedRevision: null, user, (_, _) => Task.FromResult<(string, int?)?>((content, null)), cancellationToken);

    /// <summary>Makes published version <paramref name="version"/>'s content the draft (NotFound when there is no such version).</summary>
    public Task<DraftOutcome> RestoreAsync(DefinitionKind kind, string key, int version, string user, int expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(kind, key, expectedRevision, user, async (db, token) => kind == DefinitionKind.Process
            ? await PublishedContentAsync(db.ProcessDefinitions, key, version, token)
            : await PublishedContentAsync(db.FormDefinitions, key, version, token), cancellationToken);

    /// <summary>Starts a definition that does not exist yet as a draft; null when the key is taken.</summary>
    public async Task<DraftView?> CreateAsync(DefinitionKind kind, string key, string name, string content, string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = kind == DefinitionKind.Process
            ? await db.ProcessDefinitions.AnyAsync(d => d.Key == key, cancellationToken)
            : await db.FormDefinitions.AnyAsync(f => f.Key == key, cancellationToken);
        if (taken) return null;
        var now = time.GetUtcNow();
        IDefinitionVersion row = kind == DefinitionKind.Process
            ? db.ProcessDefinitions.Add(new ProcessDefinitionRecord { Key = key, BpmnXml = content, CreatedBy = user }).Entity
            : db.FormDefinitions.Add(new FormDefinitionRecord { Key = key, SchemaJson = content, CreatedBy = user }).Entity;
        Stamp(row, user, now);
        row.Name = name;
        row.CreatedAt = now;
        row.Revision = 1;
        try
        {
            await gate.SaveChangesAsync(db, cancellationToken);
        }
        catch (DbUpdateException)
        {
            return null; // created at the same moment by someone else: the unique index refused the second
        }
        return View(row, null);
    }

    /// <summary>
    /// Publishes the draft at <paramref name="expectedRevision"/> as version N+1 in one transaction; new cases start
    /// on it at once. <paramref name="name"/> (the process's name in the file) replaces the draft's when given.
    /// </summary>
    public async Task<DraftOutcome> PublishAsync(DefinitionKind kind, string key, int expectedRevision, string? name, string user, CancellationToken cancellationToken)
    {
        var outcome = await gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = kind == DefinitionKind.Process
                ? await PublishAsync(db.ProcessDefinitions, key, expectedRevision, name, user, cancellationToken)
                : await PublishAsync(db.FormDefinitions, key, expectedRevision, name, user, cancellationToken);
            if (result.PublishedVersion is null) return result;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken);
        // Only after the commit: a case started between the invalidation and the commit would cache the old version.
        if (outcome.PublishedVersion is not null && kind == DefinitionKind.Process) versions.Invalidate(key);
        return outcome;
    }

    private async Task<DraftOutcome> PublishAsync<T>(DbSet<T> rows, string key, int expectedRevision, string? name, string user, CancellationToken cancellationToken)
        where T : class, IDefinitionVersion
    {
        var draft = await rows.FirstOrDefaultAsync(d => d.Key == key && d.Status == DefinitionStatus.Draft, cancellationToken);
        if (draft is null) return await NoDraftAsync(rows, key, cancellationToken);
        if (draft.Revision != expectedRevision) return new DraftOutcome(Conflict: new DraftConflict(draft.Revision, draft.UpdatedBy, draft.UpdatedAt));
        var latest = await rows.Where(d => d.Key == key && d.Status == DefinitionStatus.Published).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        var now = time.GetUtcNow();
        draft.Version = latest + 1;
        draft.Status = DefinitionStatus.Published;
        draft.Name = string.IsNullOrWhiteSpace(name) ? draft.Name : name;
        draft.PublishedBy = user;
        draft.PublishedAt = now;
        draft.Revision = 0;
        return new DraftOutcome(PublishedVersion: draft.Version);
    }

    /// <summary>Publishing without a draft: a conflict when the key exists (someone published it meanwhile), else missing.</summary>
    private static async Task<DraftOutcome> NoDraftAsync<T>(DbSet<T> rows, string key, CancellationToken cancellationToken) where T : class, IDefinitionVersion
    {
        var latest = await rows.AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version)
            .Select(d => new { d.PublishedBy, d.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? DraftOutcome.Missing : new DraftOutcome(Conflict: new DraftConflict(0, latest.PublishedBy, latest.PublishedAt));
    }

    private delegate Task<(string Content, int? BasedOn)?> NewContent(WorkflowDbContext db, CancellationToken cancellationToken);

    private async Task<DraftOutcome> WriteAsync(DefinitionKind kind, string key, int? expectedRevision, string user, NewContent content, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            return kind == DefinitionKind.Process
                ? await WriteAsync(db, db.ProcessDefinitions, key, expectedRevision, user, content, c => new ProcessDefinitionRecord { Key = key, BpmnXml = c, CreatedBy = user }, cancellationToken)
                : await WriteAsync(db, db.FormDefinitions, key, expectedRevision, user, content, c => new FormDefinitionRecord { Key = key, SchemaJson = c, CreatedBy = user }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save won the race between our read and our write (revision token or the one-draft index).
            var current = await GetAsync(kind, key, cancellationToken);
            return new DraftOutcome(Conflict: new DraftConflict(current?.Revision ?? 0, current?.UpdatedBy, current?.UpdatedAt));
        }
    }

    private async Task<DraftOutcome> WriteAsync<T>(WorkflowDbContext db, DbSet<T> rows, string key, int? expectedRevision, string user,
        NewContent content, Func<string, T> create, CancellationToken cancellationToken) where T : class, IDefinitionVersion
    {
        var draft = await rows.FirstOrDefaultAsync(d => d.Key == key && d.Status == DefinitionStatus.Draft, cancellationToken);
        var published = await LatestPublishedAsync(rows, key, cancellationToken);
        if (draft is null && published is null) return DraftOutcome.Missing;
        if (expectedRevision is { } expected && (draft?.Revision ?? 0) != expected)
            return new DraftOutcome(Conflict: draft is null
                ? new DraftConflict(0, published!.PublishedBy, published.PublishedAt)
                : new DraftConflict(draft.Revision, draft.UpdatedBy, draft.UpdatedAt));
        if (await content(db, cancellationToken) is not { } next) return DraftOutcome.Missing;
        if (draft is null)
        {
            draft = create(next.Content);
            draft.Name = published!.Name;
            draft.CreatedAt = time.GetUtcNow();
            draft.BasedOnVersion = published.Version;
            rows.Add(draft);
        }
        draft.Content = next.Content;
        if (next.BasedOn is { } basedOn) draft.BasedOnVersion = basedOn;
        Stamp(draft, user, time.GetUtcNow());
        draft.Revision++;
        await gate.SaveChangesAsync(db, cancellationToken);
        return new DraftOutcome(Saved: View(draft, published?.Version));
    }

    private static void Stamp(IDefinitionVersion row, string user, DateTimeOffset now)
    {
        row.Status = DefinitionStatus.Draft;
        row.Version = DraftVersion;
        row.UpdatedBy = user;
        row.UpdatedAt = now;
    }

    private static Task<T?> LatestPublishedAsync<T>(DbSet<T> rows, string key, CancellationToken cancellationToken) where T : class, IDefinitionVersion =>
        rows.AsNoTracking().Where(d => d.Key == key && d.Status == DefinitionStatus.Published)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);

    private static async Task<(string, int?)?> PublishedContentAsync<T>(DbSet<T> rows, string key, int version, CancellationToken cancellationToken)
        where T : class, IDefinitionVersion
    {
        var row = await rows.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Key == key && d.Version == version && d.Status == DefinitionStatus.Published, cancellationToken);
        return row is null ? null : (row.Content, row.Version);
    }

    private async Task<DraftView?> GetAsync<T>(string key, CancellationToken cancellationToken) where T : class, IDefinitionVersion
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<T>();
        var published = await LatestPublishedAsync(rows, key, cancellationToken);
        var draft = await rows.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Status == DefinitionStatus.Draft, cancellationToken);
        return draft is not null ? View(draft, published?.Version) : published is null ? null : View(published, published.Version);
    }

    private static DraftView View(IDefinitionVersion row, int? publishedVersion) => new(
        row is ProcessDefinitionRecord ? DefinitionKind.Process : DefinitionKind.Form,
        row.Key, row.Name, row.Content, row.Revision, row.Status == DefinitionStatus.Draft,
        row.Status == DefinitionStatus.Draft ? row.BasedOnVersion : row.Version, publishedVersion,
        row.UpdatedBy ?? row.PublishedBy, row.UpdatedAt ?? row.PublishedAt);
}
