using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>The reporter as recorded: shown only when the victim agreed that their information be shared.</summary>
public sealed record ReporterContext(string? Name, string? Relation, string? Contact);

public sealed record VictimContext(int? Age, string? Sex);

/// <summary>
/// What a step's agency needs of the case, and no more: who was harmed (age and sex), how, when and where, and the
/// screened risk. The reporter's identity and the narrative come only with the victim's consent to share: the
/// agency's share of the report is the case page's (<see cref="CaseReport"/> for <see cref="CaseSight.Agency"/>).
/// </summary>
public sealed record CaseContext(
    string Number, DateTimeOffset RegisteredAt, IReadOnlyList<VictimContext> Victims, IReadOnlyList<string> ViolenceTypes,
    string? IncidentDate, string? IncidentPlace, string? RiskLevel, bool VictimConsent, ReporterContext? Reporter, string? Narrative)
{
    public static CaseContext Of(CaseRecord record, string? riskLevel)
    {
        var report = CaseReport.Of(record, CaseSight.Agency);
        return new CaseContext(
            record.Number, record.CreatedAt,
            report.Victims.Select(v => new VictimContext(ReportCheck.Age(v.Age), v.Sex)).ToList(),
            report.ViolenceTypes, report.IncidentDate, report.IncidentPlace, riskLevel, record.VictimConsent,
            record.VictimConsent ? new ReporterContext(report.ReporterName, report.ReporterRelation, report.ReporterContact) : null,
            report.Narrative);
    }
}
