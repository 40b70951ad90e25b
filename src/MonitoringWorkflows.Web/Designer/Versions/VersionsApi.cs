using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MonitoringWorkflows.Web.Designer.Drafts;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>The version history of a process, its files and the diff between two versions (administrators).</summary>
public static class VersionsApi
{
    public static RouteGroupBuilder MapVersionsApi(this RouteGroupBuilder designer)
    {
        designer.MapGet("/processes/{key}/versions", ListAsync)
            .WithSummary("The published versions of a process, newest first, with who published each, when, and how many instances run on it.");
        designer.MapGet("/processes/{key}/versions/{version:int}/bpmn", ExportAsync)
            .WithSummary("One published version as a .bpmn file (key-vN.bpmn).");
        designer.MapPost("/processes/{key}/versions/{version:int}/restore", RestoreAsync)
            .WithSummary("Makes a published version the process's draft again, when `expectedRevision` is the draft's revision (0 when it has none); otherwise 409 with who saved it last.");
        designer.MapGet("/processes/{key}/diff", DiffAsync)
            .WithSummary("What changed from version `from` to version `to`: elements added, removed and changed (with each changed property), matched by id.");
        return designer;
    }

    private static async Task<Results<Ok<IReadOnlyList<VersionView>>, ProblemHttpResult>> ListAsync(string key, ProcessVersions versions,
        CancellationToken cancellationToken)
    {
        var list = await versions.ListAsync(key, cancellationToken);
        return list.Count == 0 ? NoProcess(key) : TypedResults.Ok(list);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(string key, int version, ProcessVersions versions,
        CancellationToken cancellationToken)
    {
        var row = await versions.FindAsync(key, version, cancellationToken);
        if (row is null) return NoVersion(key, version);
        return TypedResults.File(Encoding.UTF8.GetBytes(row.BpmnXml), "application/xml", $"{key}-v{version}.bpmn");
    }

    private static async Task<Results<Ok<VersionDiff>, ProblemHttpResult, ValidationProblem>> DiffAsync(string key, int? from, int? to,
        ProcessVersions versions, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give two versions: ?from=A&to=B."] });
        var diff = await versions.DiffAsync(key, from.Value, to.Value, cancellationToken);
        return diff is null ? NoVersion(key, from == to ? from.Value : -1) : TypedResults.Ok(diff);
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> RestoreAsync(string key, int version, RestoreRequest body, ClaimsPrincipal user,
        DraftStore drafts, CancellationToken cancellationToken)
    {
        var outcome = await drafts.RestoreAsync(DefinitionKind.Process, key, version, user.Identity?.Name ?? "administrator", body.ExpectedRevision, cancellationToken);
        if (outcome.Saved is { } draft) return TypedResults.Ok(draft);
        if (outcome.Conflict is { } conflict)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The draft changed",
                detail: $"The draft is at revision {conflict.CurrentRevision} (saved by {conflict.By} at {conflict.At:u}): reload it before restoring over it.",
                extensions: new Dictionary<string, object?> { ["currentRevision"] = conflict.CurrentRevision, ["by"] = conflict.By, ["at"] = conflict.At });
        return NoVersion(key, version);
    }

    internal static ProblemHttpResult NoProcess(string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such process", detail: $"Process '{key}' has no published version.");

    private static ProblemHttpResult NoVersion(string key, int version) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such version", detail: version < 0 ? $"Both versions must be published versions of '{key}'." : $"Process '{key}' has no published version {version}.");
}

/// <summary>The draft's revision the administrator saw (0 when the process had no draft): restoring never overwrites newer work.</summary>
public sealed record RestoreRequest(int ExpectedRevision);
