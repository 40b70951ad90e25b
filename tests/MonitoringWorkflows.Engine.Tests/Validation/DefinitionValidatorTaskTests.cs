using MonitoringWorkflows.Engine.Bpmn;
using static MonitoringWorkflows.Engine.Tests.Validation.DefinitionValidatorGraphTests;
using static MonitoringWorkflows.Engine.Tests.Validation.ValidatorXml;

namespace MonitoringWorkflows.Engine.Tests.Validation;

public class DefinitionValidatorTaskTests
{
    private static string WithScreen(string attributes) =>
        Referral(s => s.Replace("<bpmn:userTask id=\"Screen\" mw:role=\"Registrar\" mw:formKey=\"risk-screening\" mw:dueIn=\"PT24H\" />",
            $"<bpmn:userTask id=\"Screen\" {attributes} />"));

    [Fact]
    public void Validate_UserTaskWithoutAgencyOrRole_ReturnsBpmn012()
    {
        var diagnostic = Single(Validate(WithScreen("mw:formKey=\"risk-screening\"")), BpmnCodes.UserTaskWithoutAssignee, "Screen");

        Assert.Equal("BPMN012 userTask 'Screen' has no assigned agency or role: set mw:agency or mw:role.", diagnostic.ToString());
        Assert.Equal("userTask", diagnostic.ElementType);
    }

    [Fact]
    public void Validate_UnknownFormKey_ReturnsBpmn025()
    {
        Assert.Contains("'no-such-form'", Single(Validate(WithScreen("mw:role=\"Chair\" mw:formKey=\"no-such-form\"")), BpmnCodes.UnknownFormKey, "Screen").Message);
    }

    [Fact]
    public void Validate_FormKeysNotGiven_DoesNotCheckThem()
    {
        var context = Context();
        context = new() { Expressions = context.Expressions, KnownRoles = context.KnownRoles };

        Assert.Empty(Validate(WithScreen("mw:role=\"Chair\" mw:formKey=\"no-such-form\""), context));
    }

    [Fact]
    public void Validate_ServiceTaskWithoutAction_ReturnsBpmn026()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:serviceTask id=\"Remind\" mw:action=\"notify\">", "<bpmn:serviceTask id=\"Remind\">")));

        Assert.Contains("set mw:action to a built-in action (notify)", Single(diagnostics, BpmnCodes.MissingServiceAction, "Remind").Message);
    }

    [Fact]
    public void Validate_ServiceTaskWithUnknownAction_ReturnsBpmn027()
    {
        var diagnostics = Validate(Referral(s => s.Replace("mw:action=\"notify\"", "mw:action=\"sendFax\"")));

        Assert.Contains("'sendFax'", Single(diagnostics, BpmnCodes.UnknownServiceAction, "Remind").Message);
    }

    [Theory]
    [InlineData("mw:agency=\"Polis\"", "agency 'Polis'")]
    [InlineData("mw:role=\"Boss\"", "role 'Boss'")]
    public void Validate_UnknownAgencyOrRoleLiteral_ReturnsBpmn028(string attribute, string expected)
    {
        Assert.Contains(expected, Single(Validate(WithScreen(attribute)), BpmnCodes.UnknownAgencyOrRole, "Screen").Message);
    }

    [Fact]
    public void Validate_AgencyExpression_IsNotCheckedAgainstKnownAgencies()
    {
        Assert.Empty(Validate(WithScreen("mw:agency=\"=case.leadAgency\"")));
    }

    [Fact]
    public void Validate_MultiInstanceWithoutCollectionOrCardinality_ReturnsBpmn037()
    {
        var diagnostics = Validate(Referral(s => s.Replace("mw:collection=\"=agencies\" mw:elementVariable=\"agency\"", "")));

        Single(diagnostics, BpmnCodes.MultiInstanceWithoutItems, "Refer");
    }

    [Theory]
    [InlineData("mw:collection=\"=agencies\" /")]
    [InlineData("><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics")]
    public void Validate_MultiInstanceWithCollectionOnlyOrCardinality_IsFine(string replacement)
    {
        var xml = Referral(s => s.Replace("mw:collection=\"=agencies\" mw:elementVariable=\"agency\" /", replacement));

        Assert.Empty(Validate(xml));
    }

    [Fact]
    public void Validate_ScriptTaskWithoutScript_ReturnsBpmn038()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:script>level = score >= 14 ? 'high' : 'low';</bpmn:script>", "")));

        Single(diagnostics, BpmnCodes.ScriptMissing, "Level");
    }
}
