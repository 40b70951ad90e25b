using System.Text;
using System.Text.RegularExpressions;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Designer.Validation;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>The outcome of an import: the refusal's reasons, or the draft it became (new or replacing the key's draft).</summary>
public sealed record ImportOutcome(string? Key, DraftView? Draft, IReadOnlyList<DesignerDiagnostic> Problems, bool Created = false)
{
    public bool Refused => Draft is null;
}

/// <summary>
/// Turns an uploaded .bpmn or form .json file into a draft. The file must read without errors (the engine's secure
/// reader: no DTD, no external entities, 5 MB at most); otherwise it is refused with every reason and nothing changes.
/// A readable file becomes the draft of its key even when it cannot be published yet: the designer shows what to fix.
/// </summary>
public sealed partial class DefinitionImport(DraftStore drafts)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,99}$")]
    public static partial Regex KeyPattern();

    public async Task<ImportOutcome> ImportAsync(DefinitionKind kind, string fileName, Stream file, string user, CancellationToken cancellationToken)
    {
        var (content, problem) = await ReadAsync(file, cancellationToken);
        if (content is null) return Refuse(null, problem!);
        var (key, name, problems) = kind == DefinitionKind.Process ? ReadProcess(content) : ReadForm(content, fileName);
        if (key is null || problems.Any(p => p.IsError)) return new ImportOutcome(key, null, problems);
        var created = await drafts.CreateAsync(kind, key, name ?? key, content, user, cancellationToken);
        if (created is not null) return new ImportOutcome(key, created, problems, Created: true);
        var replaced = await drafts.ReplaceAsync(kind, key, content, user, cancellationToken);
        return replaced.Saved is { } draft ? new ImportOutcome(key, draft, problems)
            : Refuse(key, $"The definition '{key}' changed while the file was imported: import it again.");
    }

    private static async Task<(string? Content, string? Problem)> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, "The file is empty.");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "The file is not UTF-8 text.");
        }
    }

    private static (string? Key, string? Name, List<DesignerDiagnostic> Problems) ReadProcess(string xml)
    {
        var read = new BpmnReader().Read(xml);
        var problems = read.Diagnostics.Select(DesignerDiagnostic.From).ToList();
        var process = read.Document?.MainProcess;
        return (process?.Id, process?.Name, problems);
    }

    private static (string? Key, string? Name, List<DesignerDiagnostic> Problems) ReadForm(string json, string fileName)
    {
        var key = Path.GetFileName(fileName);
        foreach (var suffix in new[] { ".form.json", ".json" })
            if (key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { key = key[..^suffix.Length]; break; }
        var problems = DesignerValidation.Form(json).Diagnostics.ToList();
        if (!KeyPattern().IsMatch(key))
            problems.Add(Problem(DesignerDiagnostic.InvalidForm, $"The file name '{fileName}' does not give a form key: name it like risk-screening.form.json (letters, digits, - and _)."));
        return (key, FormName(json), problems);
    }

    private static string? FormName(string json)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(json)?["name"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null; // the schema check has already reported a file that is not JSON; a name that is not text is just no name
        }
    }

    private static ImportOutcome Refuse(string? key, string reason) => new(key, null, [Problem(DesignerDiagnostic.InvalidFile, reason)]);

    private static DesignerDiagnostic Problem(string code, string message) =>
        new(code, DesignerDiagnostic.Error, null, null, message);
}
