using MonitoringWorkflows.Web.Access;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// The report as one user may see it: a field left null is one the user's sight does not show. An agency member sees
/// the victims, the kinds of violence, date and place; the narrative and who reported it only if the victim consented
/// to sharing. The chair, the secretary and the registrar who recorded it see all of it.
/// </summary>
public sealed record CaseReport(
    string? Channel, string? ReporterName, string? ReporterRelation, string? ReporterContact,
    IReadOnlyList<CaseVictim> Victims, string? PerpetratorRelation, IReadOnlyList<string> ViolenceTypes,
    string? IncidentDate, string? IncidentPlace, string? IncidentsLast12Months, bool? SeriousInjuries,
    string? Narrative, bool Consent, bool Restricted)
{
    public static CaseReport Of(CaseRecord record, CaseSight sight)
    {
        var input = record.ReadReport();
        var victims = input.Victims.Where(v => !v.IsBlank).Select(v => new CaseVictim(v.Age, v.Sex)).ToList();
        if (sight != CaseSight.Agency)
        {
            return new CaseReport(input.Channel, input.ReporterName, input.ReporterRelation, input.ReporterContact, victims,
                input.PerpetratorRelation, input.ViolenceTypes, input.IncidentDate, input.IncidentPlace,
                input.IncidentsLast12Months, input.SeriousInjuries, input.Narrative, record.VictimConsent, Restricted: false);
        }
        var shared = record.VictimConsent;
        return new CaseReport(null, shared ? input.ReporterName : null, shared ? input.ReporterRelation : null,
            shared ? input.ReporterContact : null, victims, null, input.ViolenceTypes, input.IncidentDate,
            input.IncidentPlace, null, null, shared ? input.Narrative : null, record.VictimConsent, Restricted: true);
    }
}

public sealed record CaseVictim(string? Age, string? Sex);
