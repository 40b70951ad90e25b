using System.Xml.Linq;

namespace MonitoringWorkflows.Web.Tests.Designer.Support;

/// <summary>Edits of the shipped referral process, as an administrator would make them in the designer.</summary>
internal static class ReferralChange
{
    public const string ProcessKey = "violenceReportReferral";
    public const string HealthTaskId = "Task_HealthCheck";

    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Mw = "urn:monitoringworkflows:bpmn:1";

    /// <summary>The referral with a Health step (showing <paramref name="formKey"/>) between risk screening and scoring.</summary>
    public static string WithHealthStepAfterScreening(string xml, string formKey = "agency-information")
    {
        var document = XDocument.Parse(xml);
        var process = document.Root!.Elements(Bpmn + "process").Single(p => (string?)p.Attribute("id") == ProcessKey);
        var toScoring = process.Elements(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "Flow_ToScoring");
        toScoring.SetAttributeValue("targetRef", HealthTaskId);
        var scoring = process.Elements(Bpmn + "scriptTask").Single(t => (string?)t.Attribute("id") == "Task_ScoreRisk");
        scoring.Elements(Bpmn + "incoming").Single(i => i.Value == "Flow_ToScoring").Value = "Flow_HealthToScoring";
        process.Add(
            new XElement(Bpmn + "userTask", new XAttribute("id", HealthTaskId), new XAttribute("name", "Health check"),
                new XAttribute(Mw + "agency", "Health"), new XAttribute(Mw + "formKey", formKey),
                new XElement(Bpmn + "incoming", "Flow_ToScoring"), new XElement(Bpmn + "outgoing", "Flow_HealthToScoring")),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "Flow_HealthToScoring"),
                new XAttribute("sourceRef", HealthTaskId), new XAttribute("targetRef", "Task_ScoreRisk")));
        return document.ToString(SaveOptions.DisableFormatting);
    }
}
