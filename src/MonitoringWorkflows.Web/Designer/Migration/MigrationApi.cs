using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MonitoringWorkflows.Web.Designer.Versions;

namespace MonitoringWorkflows.Web.Designer.Migration;

/// <summary>Moving running instances of a process to its newest version (administrators).</summary>
public static class MigrationApi
{
    public static RouteGroupBuilder MapMigrationApi(this RouteGroupBuilder designer)
    {
        designer.MapGet("/processes/{key}/migration", PreviewAsync)
            .WithSummary("The running instances on version `from`: their active elements and, against the newest published version, what would not map.");
        designer.MapPost("/processes/{key}/migrate", MigrateAsync)
            .WithSummary("Moves the chosen instances from `fromVersion` to `toVersion` (the newest) when all their active elements map; the others are refused with reasons. Journaled.");
        return designer;
    }

    private static async Task<Results<Ok<MigrationPreview>, ProblemHttpResult, ValidationProblem>> PreviewAsync(string key, int? from,
        InstanceMigration migration, CancellationToken cancellationToken)
    {
        if (from is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give the version to migrate from: ?from=N."] });
        var preview = await migration.PreviewAsync(key, from.Value, cancellationToken);
        return preview is null ? VersionsApi.NoProcess(key) : TypedResults.Ok(preview);
    }

    private static async Task<Results<Ok<MigrationResult>, ProblemHttpResult, ValidationProblem>> MigrateAsync(string key, MigrationRequest body,
        ClaimsPrincipal user, InstanceMigration migration, CancellationToken cancellationToken)
    {
        if (body.InstanceIds is not { Count: > 0 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instanceIds"] = ["Choose at least one instance."] });
        if (body.FromVersion == body.ToVersion)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["toVersion"] = ["The instances already run on that version."] });
        var result = await migration.MigrateAsync(key, body, user.Identity?.Name ?? "administrator", cancellationToken);
        return result is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not the newest version",
                detail: $"Instances move only to the newest published version of '{key}', from a published older one: preview again.")
            : TypedResults.Ok(result);
    }
}
