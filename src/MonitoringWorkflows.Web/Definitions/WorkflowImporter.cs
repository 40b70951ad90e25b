using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Definitions;

/// <summary>What an import added.</summary>
public sealed record ImportSummary(IReadOnlyList<string> Processes, IReadOnlyList<string> Forms);

/// <summary>
/// Imports the default processes and forms shipped in <c>workflows/</c> as published version 1. Only keys the
/// database does not know yet are imported: once a definition is in the database it belongs to the administrators
/// and the designer, and a file never overwrites it.
/// </summary>
public sealed class WorkflowImporter(
    IDbContextFactory<WorkflowDbContext> contexts,
    IOptions<WorkflowImportOptions> options,
    TimeProvider time,
    ILogger<WorkflowImporter> logger)
{
    internal const string Actor = "import";

    public async Task<ImportSummary> ImportAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.FolderPath();
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No workflows folder at {Folder}: nothing imported", folder);
            return new ImportSummary([], []);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var processes = await ImportProcessesAsync(db, folder, cancellationToken);
        var forms = await ImportFormsAsync(db, Path.Combine(folder, "forms"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportSummary(processes, forms);
    }

    private async Task<List<string>> ImportProcessesAsync(WorkflowDbContext db, string folder, CancellationToken cancellationToken)
    {
        var known = (await db.ProcessDefinitions.Select(d => d.Key).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var imported = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var xml = await File.ReadAllTextAsync(file, cancellationToken);
            var result = new BpmnReader().Read(xml);
            if (result.Document is not { } document)
            {
                logger.LogError("Skipped {File}: it cannot be read: {Diagnostics}", Path.GetFileName(file),
                    string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
                continue;
            }
            var executable = document.Processes.Where(p => p.IsExecutable).ToList();
            foreach (var process in executable.Count > 0 ? executable : document.Processes.Take(1))
            {
                if (!known.Add(process.Id)) continue;
                db.ProcessDefinitions.Add(Published(process.Id, process.Name, xml));
                imported.Add(process.Id);
                logger.LogInformation("Imported process {Key} from {File}", process.Id, Path.GetFileName(file));
            }
        }
        return imported;
    }

    private async Task<List<string>> ImportFormsAsync(WorkflowDbContext db, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) return [];
        var known = (await db.FormDefinitions.Select(f => f.Key).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var imported = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.form.json").Order(StringComparer.Ordinal))
        {
            // The form key is the file name: user tasks name their form by it (mw:formKey="risk-screening").
            var key = Path.GetFileName(file)[..^".form.json".Length];
            if (known.Contains(key)) continue;
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            if (ReadFormName(json, file) is not { } name) continue;
            db.FormDefinitions.Add(new FormDefinitionRecord
            {
                Key = key, Version = 1, Status = DefinitionStatus.Published, Name = name.Length == 0 ? key : name,
                SchemaJson = json, CreatedBy = Actor, CreatedAt = time.GetUtcNow(), PublishedBy = Actor, PublishedAt = time.GetUtcNow(),
            });
            known.Add(key);
            imported.Add(key);
        }
        return imported;
    }

    /// <summary>The form's name ("" when it has none), or null when the file is not a JSON object.</summary>
    private string? ReadFormName(string json, string file)
    {
        try
        {
            using var schema = JsonDocument.Parse(json);
            if (schema.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("The schema is not a JSON object.");
            return schema.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString() ?? "" : "";
        }
        catch (JsonException exception)
        {
            logger.LogError("Skipped form {File}: {Problem}", Path.GetFileName(file), exception.Message);
            return null;
        }
    }

    private ProcessDefinitionRecord Published(string key, string? name, string xml) => new()
    {
        Key = key, Version = 1, Status = DefinitionStatus.Published, Name = name ?? key, BpmnXml = xml,
        CreatedBy = Actor, CreatedAt = time.GetUtcNow(), PublishedBy = Actor, PublishedAt = time.GetUtcNow(),
    };
}
