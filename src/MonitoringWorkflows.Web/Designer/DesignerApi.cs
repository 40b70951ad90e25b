using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Designer.Validation;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer;

public sealed record NewDefinition(string? Key, string? Name);

public sealed record DraftSave(string? Content, int Revision);

public sealed record PublishRequest(int Revision);

public sealed record ContentToValidate(string? Content);

public sealed record ExpressionToValidate(string? Source, ExpressionKind Kind = ExpressionKind.Value);

public sealed record Published(string Key, int Version);

/// <summary>
/// The designer's API under <c>/api/designer</c>, for administrators only: the list, the catalog for the properties
/// panel, and per kind (<c>processes</c>, <c>forms</c>) create, import, export, the draft with its revision, validate and publish.
/// </summary>
public static class DesignerApi
{
    public static RouteGroupBuilder MapDesignerApi(this RouteGroupBuilder api)
    {
        var designer = api.MapGroup("/designer").RequireAuthorization(IdentityRegistration.AdministratorPolicy).WithTags("Designer");
        designer.MapGet("/definitions", async (DefinitionList list, CancellationToken cancellationToken) => TypedResults.Ok(await list.AllAsync(cancellationToken)))
            .WithSummary("Every process and form: draft (revision, who, when) and latest published version (who, when).");
        designer.MapGet("/catalog", async (DesignerCatalog catalog, CancellationToken cancellationToken) => TypedResults.Ok(await catalog.ReadAsync(cancellationToken)))
            .WithSummary("What the properties panel offers: agencies and roles (localized names), published forms, built-in actions with their inputs.");
        designer.MapPost("/validate-expression", ValidateExpression)
            .WithSummary("Checks one condition, value (literal or =expression), duration or script as it is typed.");
        MapKind(designer, "processes", DefinitionKind.Process);
        MapKind(designer, "forms", DefinitionKind.Form);
        return api;
    }

    private static void MapKind(RouteGroupBuilder designer, string segment, DefinitionKind kind)
    {
        var group = designer.MapGroup("/" + segment);
        group.MapPost("/", (NewDefinition request, HttpContext context, DraftStore drafts, CancellationToken cancellationToken) => CreateAsync(kind, request, User(context), drafts, cancellationToken))
            .WithSummary($"Creates a {kind.ToString().ToLowerInvariant()} as a draft (a blank diagram with a start event, or a blank form).");
        group.MapPost("/import", (HttpRequest request, DefinitionImport import, CancellationToken cancellationToken) => ImportAsync(kind, request, import, cancellationToken))
            .WithSummary("Imports a file (multipart field 'file') as the draft of its key; a file that cannot be read is refused with every reason and nothing changes.");
        group.MapGet("/{key}/draft", (string key, DraftStore drafts, CancellationToken cancellationToken) => GetDraftAsync(kind, key, drafts, cancellationToken))
            .WithSummary("The draft with its revision, or the latest published version as a starting point (revision 0).");
        group.MapPut("/{key}/draft", (string key, DraftSave save, HttpContext context, DraftStore drafts, CancellationToken cancellationToken) => SaveAsync(kind, key, save, User(context), drafts, cancellationToken))
            .WithSummary("Saves the draft when 'revision' is still its revision; otherwise 409 with who saved last and when, and nothing is written.");
        group.MapPost("/{key}/validate", (string key, ContentToValidate body, DesignerValidation validation, CancellationToken cancellationToken) => ValidateAsync(kind, key, body.Content, validation, cancellationToken))
            .WithSummary("Every problem of the given content, each naming its element: the engine's reader and validator and the server's own checks.");
        group.MapPost("/{key}/publish", (string key, PublishRequest request, HttpContext context, DraftStore drafts, DesignerValidation validation, CancellationToken cancellationToken) =>
                PublishAsync(kind, key, request.Revision, User(context), drafts, validation, cancellationToken))
            .WithSummary("Publishes the draft at 'revision' as version N+1 (new cases start on it at once); 422 with the diagnostics while errors remain.");
        group.MapGet("/{key}/export", (string key, int? version, DefinitionList list, CancellationToken cancellationToken) => ExportAsync(kind, key, version, list, cancellationToken))
            .WithSummary("Downloads a version as a file (the latest published one without 'version'; version=0 is the draft).");
    }

    private static async Task<Results<Created<DraftView>, ProblemHttpResult>> CreateAsync(DefinitionKind kind, NewDefinition request, string user, DraftStore drafts, CancellationToken cancellationToken)
    {
        var key = request.Key?.Trim() ?? "";
        if (!DefinitionImport.KeyPattern().IsMatch(key))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid key",
                detail: "A key starts with a letter or _ and holds letters, digits, '-', '_' and '.' (100 at most).");
        var name = string.IsNullOrWhiteSpace(request.Name) ? key : request.Name.Trim();
        var created = await drafts.CreateAsync(kind, key, name, BlankDefinitions.Of(kind, key, name), user, cancellationToken);
        return created is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Key taken", detail: $"A definition with the key '{key}' exists already.")
            : TypedResults.Created($"/api/designer/{Segment(kind)}/{Uri.EscapeDataString(key)}/draft", created);
    }

    private static async Task<Results<Ok<ImportOutcome>, ProblemHttpResult>> ImportAsync(DefinitionKind kind, HttpRequest request, DefinitionImport import, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") is not { } file)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "Send the file as multipart/form-data in the field 'file'.");
        await using var stream = file.OpenReadStream();
        var outcome = await import.ImportAsync(kind, file.FileName, stream, User(request.HttpContext), cancellationToken);
        return outcome.Refused ? Refused("The file was not imported", outcome.Problems) : TypedResults.Ok(outcome);
    }

    private static async Task<Results<Ok<DraftView>, NotFound>> GetDraftAsync(DefinitionKind kind, string key, DraftStore drafts, CancellationToken cancellationToken) =>
        await drafts.GetAsync(kind, key, cancellationToken) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound();

    private static async Task<Results<Ok<DraftView>, NotFound, ProblemHttpResult>> SaveAsync(DefinitionKind kind, string key, DraftSave save, string user, DraftStore drafts, CancellationToken cancellationToken)
    {
        if (Encoding.UTF8.GetByteCount(save.Content ?? "") is 0 or > DefinitionImport.MaxBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid content", detail: "The content is empty or larger than 5 MB.");
        var outcome = await drafts.SaveAsync(kind, key, save.Content!, save.Revision, user, cancellationToken);
        return outcome switch
        {
            { Saved: { } saved } => TypedResults.Ok(saved),
            { Conflict: { } conflict } => Conflict(conflict),
            _ => TypedResults.NotFound(),
        };
    }

    private static Results<Ok<ExpressionCheck>, ProblemHttpResult> ValidateExpression(ExpressionToValidate request, DesignerValidation validation) =>
        request.Source is null ? MissingContent("source") : TypedResults.Ok(validation.Expression(request.Source, request.Kind));

    private static async Task<Results<Ok<ValidationReport>, ProblemHttpResult>> ValidateAsync(DefinitionKind kind, string key, string? content, DesignerValidation validation, CancellationToken cancellationToken)
    {
        if (content is null) return MissingContent("content");
        return TypedResults.Ok(await validation.CheckAsync(kind, key, content, cancellationToken));
    }

    private static ProblemHttpResult MissingContent(string field) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Nothing to check", detail: $"Send the text to check in '{field}'.");

    private static async Task<Results<Ok<Published>, NotFound, ProblemHttpResult>> PublishAsync(DefinitionKind kind, string key, int revision, string user,
        DraftStore drafts, DesignerValidation validation, CancellationToken cancellationToken)
    {
        if (await drafts.GetAsync(kind, key, cancellationToken) is not { } draft) return TypedResults.NotFound();
        if (!draft.IsDraft || draft.Revision != revision)
            return Conflict(new DraftConflict(draft.IsDraft ? draft.Revision : 0, draft.UpdatedBy, draft.UpdatedAt));
        var report = await validation.CheckAsync(kind, key, draft.Content, cancellationToken);
        if (report.HasErrors) return Refused("The draft has errors and was not published", report.Diagnostics);
        var outcome = await drafts.PublishAsync(kind, key, revision, report.Name, user, cancellationToken);
        return outcome switch
        {
            { PublishedVersion: { } version } => TypedResults.Ok(new Published(key, version)),
            { Conflict: { } conflict } => Conflict(conflict),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(DefinitionKind kind, string key, int? version, DefinitionList list, CancellationToken cancellationToken)
    {
        if (await list.ContentAsync(kind, key, version, cancellationToken) is not { } found) return TypedResults.NotFound();
        var suffix = found.Version == DraftStore.DraftVersion ? "draft" : $"v{found.Version}";
        return kind == DefinitionKind.Process
            ? TypedResults.File(Encoding.UTF8.GetBytes(found.Content), "application/xml", $"{key}.{suffix}.bpmn")
            : TypedResults.File(Encoding.UTF8.GetBytes(found.Content), "application/json", $"{key}.{suffix}.form.json");
    }

    private static ProblemHttpResult Conflict(DraftConflict conflict) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "The draft was changed by someone else",
        detail: $"Saved by {conflict.By ?? "someone"} at {conflict.At:u} (revision {conflict.CurrentRevision}): reload it before saving; nothing was overwritten.",
        extensions: new Dictionary<string, object?> { ["currentRevision"] = conflict.CurrentRevision, ["by"] = conflict.By, ["at"] = conflict.At });

    private static ProblemHttpResult Refused(string title, IReadOnlyList<DesignerDiagnostic> diagnostics) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
        detail: string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message}")),
        extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics });

    internal static string Segment(DefinitionKind kind) => kind == DefinitionKind.Process ? "processes" : "forms";

    internal static string User(HttpContext context) => context.User.Identity?.Name ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    public static IServiceCollection AddDesigner(this IServiceCollection services) => services
        .AddScoped<DraftStore>().AddScoped<DefinitionList>().AddScoped<DefinitionImport>()
        .AddScoped<DesignerValidation>().AddScoped<DesignerCatalog>();
}
