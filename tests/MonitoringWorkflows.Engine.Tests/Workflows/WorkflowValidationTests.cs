using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Validation;
using static MonitoringWorkflows.Engine.Tests.Workflows.WorkflowFiles;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The default processes pass the checks an administrator's publish runs, against the shipped forms.</summary>
public class WorkflowValidationTests
{
    private static readonly HashSet<string> Agencies = ["Education", "Health", "Police", "Prosecutor", "SocialProtection", "Registration"];
    private static readonly HashSet<string> Roles = ["Administrator", "Chair", "Secretary", "AgencyMember", "Registrar", "NationalAnalyst"];

    public static TheoryData<string> Files => new(BpmnFileNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void DefaultProcess_PassesPublishValidation(string file)
    {
        var document = new BpmnReader().Read(Xml(file)).Document!;
        var context = new ValidationContext
        {
            Expressions = new JintExpressionEvaluator(),
            KnownFormKeys = FormKeys.ToHashSet(),
            KnownServiceActions = BuiltInActions.All.Select(a => a.Name).ToHashSet(),
            KnownAgencies = Agencies,
            KnownRoles = Roles,
            KnownProcessIds = BpmnFileNames.Select(f => new BpmnReader().Read(Xml(f)).Document!.MainProcess!.Id).ToHashSet(),
        };

        var diagnostics = new DefinitionValidator().Validate(document, context);

        Assert.Empty(diagnostics.Select(d => $"{d.Code} {d.ElementId}: {d.Message}"));
    }
}
