using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>The reporter as recorded: shown only when the victim agreed that their information be shared.</summary>
public sealed record ReporterContext(string? Name, string? Relation, string? Contact);

public sealed record VictimContext(int? Age, string? Sex);

/// <summary>
/// What a step's agency needs of the case, and no more: who was harmed (age and sex), how, when and where, and the
/// screened risk. The reporter's identity and the narrative come only with the victim's consent to share.
/// </summary>
public sealed record CaseContext(
    string Number, DateTimeOffset RegisteredAt, IReadOnlyList<VictimContext> Victims, IReadOnlyList<string> ViolenceTypes,
    string? IncidentDate, string? IncidentPlace, string? RiskLevel, bool VictimConsent, ReporterContext? Reporter, string? Narrative)
{
    public static CaseContext Of(CaseRecord record, string? riskLevel)
    {
        var report = JsonSerializer.Deserialize<ReportInput>(record.ReportJson, CaseIntake.ReportJson) ?? new ReportInput();
        var consent = record.VictimConsent;
        return new CaseContext(
            record.Number, record.CreatedAt,
            report.Victims.Where(v => !v.IsBlank).Select(v => new VictimContext(ReportCheck.Age(v), v.Sex)).ToList(),
            report.ViolenceTypes, report.IncidentDate, report.IncidentPlace, riskLevel, consent,
            consent ? new ReporterContext(report.ReporterName, report.ReporterRelation, report.ReporterContact) : null,
            consent ? report.Narrative : null);
    }
}
