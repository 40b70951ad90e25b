using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MonitoringWorkflows.Web.Figures;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>What recording a report gave: the case's number, and whether its referral process started.</summary>
public sealed record IntakeResult(string CaseNumber, RunResult Start);

/// <summary>
/// Records a report as a case, then starts the referral process for it. The case is committed first and on its own:
/// a process that fails to start leaves an incident on the runner's side and the case still exists, marked so.
/// </summary>
public sealed class CaseIntake(
    IDbContextFactory<WorkflowDbContext> contexts, WriteGate writes, WorkflowRunner runner, TimeProvider time,
    ILogger<CaseIntake> logger)
{
    public const string ProcessKey = "violenceReportReferral";

    /// <summary>Letters of every script kept as they are, so the stored report reads as typed.</summary>
    internal static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<IntakeResult> RecordAsync(ReportInput input, int districtId, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var districtCode = await db.Districts.Where(d => d.Id == districtId).Select(d => d.Code).SingleAsync(cancellationToken);
        var record = new CaseRecord
        {
            Number = "", DistrictId = districtId, Year = AzerbaijanTime.Of(now).Year, CreatedBy = actor, CreatedAt = now,
            ReportJson = JsonSerializer.Serialize(input, ReportJson), VictimConsent = input.Consent == true,
            Status = CaseStatus.Open,
        };
        // The figures count these facts, never the report: they are written with the case, in its transaction.
        var facts = VictimFacts.Of(record, input);
        await writes.RunAsync(() => InsertAsync(db, record, facts, districtCode, cancellationToken), cancellationToken);

        var start = await ReferralStart.RunAsync(runner, logger, record.Number, () => input, actor, cancellationToken);
        record.ProcessInstanceId = start.InstanceId;
        if (!start.IsOk)
        {
            logger.LogError("Case {CaseNumber} was recorded but its referral process did not start: {Outcome} {Message}",
                record.Number, start.Outcome, start.Message);
            record.Status = CaseStatus.ProcessNotStarted;
        }
        VictimFacts.Started(facts, record);
        // CancellationToken.None: the case exists now, and what happened to its process must be written down with it.
        if (record.ProcessInstanceId is not null || !start.IsOk) await writes.SaveChangesAsync(db, CancellationToken.None);
        return new IntakeResult(record.Number, start);
    }

    /// <summary>
    /// Takes the next number of the district's year and inserts the case and its victims' facts in one transaction. The counter row is bumped
    /// by one atomic upsert, so two saves (even from two processes on the file) never get the same number; the unique
    /// index on the number would refuse one if they did.
    /// </summary>
    private static async Task<int> InsertAsync(WorkflowDbContext db, CaseRecord record, IReadOnlyList<VictimFactRecord> facts,
        string districtCode, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = """
                INSERT INTO "CaseNumberCounters" ("DistrictId", "Year", "LastSequence") VALUES ($district, $year, 1)
                ON CONFLICT ("DistrictId", "Year") DO UPDATE SET "LastSequence" = "LastSequence" + 1
                RETURNING "LastSequence";
                """;
            AddParameter(command, "$district", record.DistrictId);
            AddParameter(command, "$year", record.Year);
            record.Sequence = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        record.Number = string.Create(CultureInfo.InvariantCulture, $"{districtCode}-{record.Year}-{record.Sequence:0000}");
        db.Cases.Add(record);
        db.VictimFacts.AddRange(facts);
        var written = await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
