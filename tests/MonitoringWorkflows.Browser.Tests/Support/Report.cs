namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>A report as a registrar types it on /cases/new; codes are the form's option values (ReportChoices).</summary>
public sealed record Report
{
    public string Channel { get; init; } = "hotline";
    public string ReporterName { get; init; } = "Günel Əliyeva";
    public string ReporterRelation { get; init; } = "teacher";
    public string ReporterContact { get; init; } = "+994 55 123 45 67";
    public IReadOnlyList<Victim> Victims { get; init; } = [new(11, "male")];
    public string PerpetratorRelation { get; init; } = "parent";
    public IReadOnlyList<string> ViolenceTypes { get; init; } = ["physical", "neglect"];
    public DateOnly IncidentDate { get; init; } = new(2026, 1, 15);
    public string IncidentPlace { get; init; } = "Home, Demo village";
    // Fewer than 3: three or more incidents in 12 months would escalate the case to high risk at screening.
    public int? IncidentsLast12Months { get; init; } = 2;
    public bool SeriousInjuries { get; init; }
    public string Narrative { get; init; } = "The teacher saw bruises on the boy's arms; he says his father beats him.";
    public bool Consent { get; init; } = true;
}

public sealed record Victim(int Age, string Sex);
