using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Bench.InMemory;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>
/// Runs template cases through the real intake and runner in the demo district, as its demo users would (each task
/// completed by its agency's or role's demo login with the scenario's form answers, the group's decision delivered as
/// its message, a timer fired when it is due), and snapshots the case's rows after every step: each moment with open
/// tasks is a template of a running case, the end a template of a closed one.
/// </summary>
/// <remarks>
/// Every template starts at <paramref name="start"/>, far enough back that even the longest route (an order's expiry
/// timer months later) ends before now: the template cases stay in the demo district as closed cases.
/// </remarks>
internal sealed class TemplateRecorder(SeedHost host, string databasePath, Scenario scenario, DateTimeOffset start)
{
    private const string DecisionMessage = "groupReviewDecision";
    private const int MaxSteps = 60;

    private static readonly Dictionary<string, string> DemoLocalOfAgency = new()
    {
        [AgencyCodes.Education] = "education", [AgencyCodes.Health] = "health", [AgencyCodes.Police] = "police",
        [AgencyCodes.Prosecutor] = "prosecutor", [AgencyCodes.SocialProtection] = "social", [AgencyCodes.Registration] = "registration",
    };

    private readonly Random random = new(20261125);

    public async Task<List<CaseSnapshot>> RecordAsync(TemplateVariant variant, int districtId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var snapshots = new List<CaseSnapshot>();
        host.Clock.Now = start;
        string number;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<CaseIntake>();
            var result = await intake.RecordAsync(variant.Report, districtId, "registrar@demo.az", cancellationToken);
            if (!result.Start.IsOk) throw new InvalidOperationException($"Template {variant.Name} did not start: {result.Start.Message}");
            number = result.CaseNumber;
        }
        snapshots.Add(CaseSnapshot.Read(connection, variant.Name, number, host.Clock.Now));
        var runner = host.Services.GetRequiredService<WorkflowRunner>();
        for (var step = 0; step < MaxSteps && !snapshots[^1].Completed; step++)
        {
            Check(await StepAsync(connection, runner, variant, number, cancellationToken), variant, number);
            snapshots.Add(CaseSnapshot.Read(connection, variant.Name, number, host.Clock.Now));
        }
        if (!snapshots[^1].Completed) throw new InvalidOperationException($"Template {variant.Name} did not end in {MaxSteps} steps.");
        return snapshots;
    }

    /// <summary>The next thing that would happen to the case: an open task answered, else the awaited message, else the due timer.</summary>
    private async Task<RunResult> StepAsync(SqliteConnection connection, WorkflowRunner runner, TemplateVariant variant, string number,
        CancellationToken cancellationToken)
    {
        if (OpenTask(connection, number) is { } task)
        {
            Advance(task.DueAt);
            var data = scenario.FormData(variant.Route, task.FormKey);
            return await runner.CompleteTaskAsync(task.Id, data, Actor(task.Agency, task.Role), cancellationToken);
        }
        if (WaitsForMessage(connection, number))
        {
            host.Clock.Now += TimeSpan.FromHours(2 + random.Next(20));
            return await runner.CorrelateMessageAsync(number, DecisionMessage, scenario.MessageData(DecisionMessage), "secretary@demo.az",
                cancellationToken);
        }
        var timer = PendingTimer(connection, number)
            ?? throw new InvalidOperationException($"Template case {number} waits for nothing the seeder can give it.");
        if (timer.DueAt > host.Clock.Now) host.Clock.Now = timer.DueAt;
        return await runner.FireTimerAsync(timer.Id, cancellationToken);
    }

    /// <summary>Time passes before an answer: a share of the time left until the task is due.</summary>
    private void Advance(DateTimeOffset? dueAt)
    {
        var left = dueAt is { } due && due > host.Clock.Now ? due - host.Clock.Now : TimeSpan.FromDays(1);
        host.Clock.Now += TimeSpan.FromSeconds(Math.Round(left.TotalSeconds * (0.1 + random.NextDouble() * 0.6)));
    }

    private static string Actor(string? agency, string? role) =>
        agency is not null && DemoLocalOfAgency.TryGetValue(agency, out var local) ? $"{local}@demo.az"
        : role == Roles.Secretary ? "secretary@demo.az"
        : "chair@demo.az";

    private sealed record OpenTaskRow(long Id, string? FormKey, string? Agency, string? Role, DateTimeOffset? DueAt);

    private sealed record TimerRow(long Id, DateTimeOffset DueAt);

    private static OpenTaskRow? OpenTask(SqliteConnection connection, string number)
    {
        using var command = Command(connection, number, """
            SELECT t."Id", t."FormKey", t."Agency", t."Role", t."DueAt" FROM "UserTasks" t
            JOIN "ProcessInstances" i ON i."Id" = t."InstanceId"
            WHERE i."BusinessKey" = $case AND t."Status" = 'Open' ORDER BY t."Id" LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new OpenTaskRow(reader.GetInt64(0), Text(reader, 1), Text(reader, 2), Text(reader, 3),
            reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero));
    }

    private static TimerRow? PendingTimer(SqliteConnection connection, string number)
    {
        using var command = Command(connection, number, """
            SELECT t."Id", t."DueAt" FROM "Timers" t JOIN "ProcessInstances" i ON i."Id" = t."InstanceId"
            WHERE i."BusinessKey" = $case AND t."Status" = 'Pending' ORDER BY t."DueAt" LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new TimerRow(reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)) : null;
    }

    private static bool WaitsForMessage(SqliteConnection connection, string number)
    {
        using var command = Command(connection, number, """
            SELECT "StateJson" FROM "ProcessInstances" WHERE "BusinessKey" = $case AND "Status" = 'Running'
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            if (RuntimeJson.DeserializeState(reader.GetString(0)).Subscriptions
                .Any(s => s.Kind == SubscriptionKind.Message && s.MessageName == DecisionMessage)) return true;
        return false;
    }

    private static SqliteCommand Command(SqliteConnection connection, string number, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$case", number);
        return command;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static void Check(RunResult result, TemplateVariant variant, string number)
    {
        if (!result.IsOk) throw new InvalidOperationException($"Template {variant.Name} ({number}): {result.Outcome} {result.Message}");
    }
}
