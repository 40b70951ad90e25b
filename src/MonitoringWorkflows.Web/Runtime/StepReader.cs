using System.Data.Common;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// The hot path's read, a task with its instance, in plain SQL on the <see cref="RunnerConnection"/> like
/// <see cref="StepWriter"/>'s writes: even compiled, EF's query and materialization cost several times the statement.
/// Columns are read as EF stores them (enums as names, timestamps as UTC ticks); <c>StepReaderTests</c> compares
/// every property with EF's own reading.
/// </summary>
internal static class StepReader
{
    private const string TaskColumns = """
        t."Id", t."InstanceId", t."TaskId", t."ElementId", t."Name", t."Agency", t."Role", t."FormKey", t."InputJson",
        t."CreatedAt", t."DueAt", t."Status", t."ClaimedBy", t."ClaimedAt", t."CompletedBy", t."CompletedAt", t."OutputJson"
        """;

    private const string InstanceColumns = """
        i."Id", i."DefinitionVersionId", i."ParentInstanceId", i."ParentTokenId", i."BusinessKey", i."Status", i."StateJson",
        i."Version", i."StartedBy", i."StartedAt", i."EndedAt"
        """;

    private const string TaskById = $"""
        SELECT {TaskColumns}, {InstanceColumns}
        FROM "UserTasks" AS t INNER JOIN "ProcessInstances" AS i ON i."Id" = t."InstanceId"
        WHERE t."Id" = @p0
        """;

    /// <summary>The task row <paramref name="taskRowId"/> with its instance, or null.</summary>
    public static Task<UserTaskRecord?> TaskWithInstanceAsync(RunnerConnection runner, long taskRowId, CancellationToken cancellationToken) =>
        runner.RunAsync(async _ =>
        {
            await using var reader = await runner.Command(TaskById, null, taskRowId).ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            var task = ReadTask(reader);
            task.Instance = ReadInstance(reader, 17);
            return task;
        }, cancellationToken);

    private static UserTaskRecord ReadTask(DbDataReader r) => new()
    {
        Id = r.GetInt64(0), InstanceId = r.GetInt64(1), TaskId = r.GetInt32(2), ElementId = r.GetString(3),
        Name = Text(r, 4), Agency = Text(r, 5), Role = Text(r, 6), FormKey = Text(r, 7), InputJson = Text(r, 8),
        CreatedAt = Time(r, 9)!.Value, DueAt = Time(r, 10), Status = Enum.Parse<UserTaskStatus>(r.GetString(11)),
        ClaimedBy = Text(r, 12), ClaimedAt = Time(r, 13), CompletedBy = Text(r, 14), CompletedAt = Time(r, 15),
        OutputJson = Text(r, 16),
    };

    private static ProcessInstanceRecord ReadInstance(DbDataReader r, int at) => new()
    {
        Id = r.GetInt64(at), DefinitionVersionId = r.GetInt64(at + 1),
        ParentInstanceId = r.IsDBNull(at + 2) ? null : r.GetInt64(at + 2),
        ParentTokenId = r.IsDBNull(at + 3) ? null : r.GetInt32(at + 3),
        BusinessKey = Text(r, at + 4), Status = Enum.Parse<ProcessInstanceStatus>(r.GetString(at + 5)),
        StateJson = r.GetString(at + 6), Version = r.GetInt32(at + 7), StartedBy = r.GetString(at + 8),
        StartedAt = Time(r, at + 9)!.Value, EndedAt = Time(r, at + 10),
    };

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateTimeOffset? Time(DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : new DateTimeOffset(r.GetInt64(ordinal), TimeSpan.Zero);
}
