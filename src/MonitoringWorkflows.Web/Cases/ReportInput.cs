using System.ComponentModel.DataAnnotations;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// The report form as posted. Numbers and dates are bound as text and parsed by <see cref="ReportCheck"/>, so that a
/// wrong value gets a message in the user's language and is shown back exactly as typed.
/// </summary>
public sealed class ReportInput
{
    public const int NarrativeMaxLength = 4000;

    [Required(ErrorMessage = "Validation_Required")]
    public string? Channel { get; set; }

    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    public string? ReporterName { get; set; }

    [StringLength(100, ErrorMessage = "Validation_TooLong")]
    public string? ReporterRelation { get; set; }

    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    public string? ReporterContact { get; set; }

    public List<VictimInput> Victims { get; set; } = [];

    [Required(ErrorMessage = "Validation_Required")]
    public string? PerpetratorRelation { get; set; }

    public List<string> ViolenceTypes { get; set; } = [];

    [Required(ErrorMessage = "Validation_Required")]
    public string? IncidentDate { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    public string? IncidentPlace { get; set; }

    public string? IncidentsLast12Months { get; set; }

    public bool SeriousInjuries { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(NarrativeMaxLength, ErrorMessage = "Validation_TooLong")]
    public string? Narrative { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    public bool? Consent { get; set; }
}

/// <summary>One victim: both fields empty means an unused row of the form.</summary>
public sealed class VictimInput
{
    public string? Age { get; set; }
    public string? Sex { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Age) && string.IsNullOrWhiteSpace(Sex);
}

/// <summary>The choices of the form; the codes are stored and given to the process, the labels come from the resources.</summary>
public static class ReportChoices
{
    public static readonly IReadOnlyList<string> Channels = ["phone", "walkIn", "agencyReferral", "hotline", "other"];
    public static readonly IReadOnlyList<string> Sexes = ["female", "male"];
    public static readonly IReadOnlyList<string> PerpetratorRelations =
        ["partner", "formerPartner", "parent", "otherFamily", "acquaintance", "stranger", "unknown"];
    public static readonly IReadOnlyList<string> ViolenceTypes = ["physical", "psychological", "sexual", "economic", "neglect"];

    /// <summary>A victim under this age is a child.</summary>
    public const int AdultAge = 18;
    public const int MaxAge = 120;
}
