namespace MonitoringWorkflows.Web.Cases;

/// <summary>Open once its referral process runs; <see cref="ProcessNotStarted"/> when starting it failed (the case is kept).</summary>
public enum CaseStatus { Open, ProcessNotStarted }

/// <summary>
/// A recorded report of violence: the case the referral process works on. The report itself (with its personal
/// data) stays here, as JSON; the process gets only what its gateways and scripts read.
/// </summary>
public sealed class CaseRecord
{
    public long Id { get; set; }

    /// <summary>Readable and unique: district code, year and a number counted per district and year (<c>DEMO-2026-0007</c>).</summary>
    public required string Number { get; set; }
    public int DistrictId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The report as the registrar typed it (<see cref="ReportInput"/> serialized).</summary>
    public required string ReportJson { get; set; }

    /// <summary>The report read back from <see cref="ReportJson"/>.</summary>
    public ReportInput ReadReport() =>
        System.Text.Json.JsonSerializer.Deserialize<ReportInput>(ReportJson, CaseIntake.ReportJson) ?? new ReportInput();
    public bool VictimConsent { get; set; }
    public CaseStatus Status { get; set; }

    /// <summary>The referral process started for this case, if it started (or was recorded with an incident).</summary>
    public long? ProcessInstanceId { get; set; }
}

/// <summary>The last case number given in a district in a year: incremented in the transaction that inserts the case.</summary>
public sealed class CaseNumberCounter
{
    public int DistrictId { get; set; }
    public int Year { get; set; }
    public int LastSequence { get; set; }
}
