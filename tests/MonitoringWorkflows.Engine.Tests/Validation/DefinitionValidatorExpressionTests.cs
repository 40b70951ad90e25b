using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;
using static MonitoringWorkflows.Engine.Tests.Validation.DefinitionValidatorGraphTests;
using static MonitoringWorkflows.Engine.Tests.Validation.ValidatorXml;

namespace MonitoringWorkflows.Engine.Tests.Validation;

public class DefinitionValidatorExpressionTests
{
    public static TheoryData<string, string, string, string> BrokenExpressions => new()
    {
        { "<bpmn:conditionExpression>=level == 'high'</bpmn:conditionExpression>", "<bpmn:conditionExpression>=(level == 'high'</bpmn:conditionExpression>", "High", "condition" },
        { "<bpmn:conditionExpression>=level == 'high'</bpmn:conditionExpression>", "<bpmn:conditionExpression>${environment.variables.high}</bpmn:conditionExpression>", "High", "condition" },
        { "<bpmn:conditionExpression>=level == 'high'</bpmn:conditionExpression>", "<bpmn:conditionExpression> </bpmn:conditionExpression>", "High", "is empty" },
        { "level = score >= 14 ? 'high' : 'low';", "if (score > 14 { level = 'high' }", "Level", "its script" },
        { "mw:collection=\"=agencies\"", "mw:collection=\"=agencies.filter(a => a.chosen\"", "Refer", "collection" },
        { "mw:elementVariable=\"agency\" />", "mw:elementVariable=\"agency\"><bpmn:completionCondition>nrOfCompletedInstances >= (2</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>", "Refer", "completion condition" },
        { "mw:elementVariable=\"agency\" />", "mw:elementVariable=\"agency\"><bpmn:loopCardinality>count)</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>", "Refer", "loop cardinality" },
        { "<mw:input target=\"role\" source=\"Chair\" />", "<mw:input target=\"role\" source=\"=roles[0\" />", "Remind", "input mapping of 'role'" },
        { "<mw:input target=\"role\" source=\"Chair\" />", "<mw:output target=\"sent\" source=\"=(true\" />", "Remind", "output mapping of 'sent'" },
        { "mw:agency=\"=agency\"", "mw:agency=\"=agency)\"", "Refer", "mw:agency" },
        { "mw:dueIn=\"PT24H\"", "mw:dueIn=\"=level == 'high' ? 'PT24H' : ('P3D'\"", "Screen", "mw:dueIn" },
        { "<bpmn:timeDuration>P3D</bpmn:timeDuration>", "<bpmn:timeDuration>=(wait</bpmn:timeDuration>", "Wait", "its timer" },
    };

    [Theory]
    [MemberData(nameof(BrokenExpressions))]
    public void Validate_ExpressionThatDoesNotParse_ReturnsBpmn029(string from, string to, string elementId, string expected)
    {
        var diagnostics = Validate(Referral(s => s.Replace(from, to)));

        Assert.Contains(expected, Single(diagnostics, BpmnCodes.ExpressionSyntax, elementId).Message);
    }

    [Fact]
    public void Validate_ChecksScriptsAsScriptsAndTheRestAsExpressions()
    {
        var expressions = new FakeExpressionEvaluator();

        Validate(Referral(), Context(expressions));

        Assert.Equal(
            [("level == 'high'", false), ("level = score >= 14 ? 'high' : 'low';", true), ("agency", false), ("agencies", false)],
            expressions.Checked);
    }

    [Theory]
    [InlineData("<bpmn:timeDuration>P3D</bpmn:timeDuration>", "<bpmn:timeDuration>3 days</bpmn:timeDuration>", "Wait")]
    [InlineData("<bpmn:timeDuration>P3D</bpmn:timeDuration>", "<bpmn:timeDate>next monday</bpmn:timeDate>", "Wait")]
    [InlineData("<bpmn:timeCycle>R3/PT24H</bpmn:timeCycle>", "<bpmn:timeCycle>every day</bpmn:timeCycle>", "Overdue")]
    [InlineData("<bpmn:timeCycle>R3/PT24H</bpmn:timeCycle>", "<bpmn:timeCycle>R3/PT0S</bpmn:timeCycle>", "Overdue")]
    [InlineData("mw:dueIn=\"PT24H\"", "mw:dueIn=\"24 hours\"", "Screen")]
    public void Validate_InvalidTimerLiteral_ReturnsBpmn030(string from, string to, string elementId)
    {
        var diagnostics = Validate(Referral(s => s.Replace(from, to)));

        Assert.Contains("ISO 8601", Single(diagnostics, BpmnCodes.InvalidTimer, elementId).Message);
    }

    [Theory]
    [InlineData("<bpmn:timeDate>2026-03-08T09:00:00+04:00</bpmn:timeDate>")]
    [InlineData("<bpmn:timeCycle>R/P1W</bpmn:timeCycle>")]
    [InlineData("<bpmn:timeDuration>PT1.5S</bpmn:timeDuration>")]
    public void Validate_ValidTimerLiterals_AreFine(string timer)
    {
        Assert.Empty(Validate(Referral(s => s.Replace("<bpmn:timeDuration>P3D</bpmn:timeDuration>", timer))));
    }

    [Fact]
    public void Validate_TimerWithoutValue_ReturnsBpmn031()
    {
        // The reader refuses such a timer itself (also BPMN031); a model built in code can still carry one.
        var start = new StartEvent { Id = "Start" };
        var wait = new IntermediateCatchEvent { Id = "Wait", Definition = new TimerDefinition(TimerKind.Duration, new ValueExpression("", false)) };
        var end = new EndEvent { Id = "End" };
        var process = ProcessDefinition.Build("P", null, true, [start, wait, end],
            [new SequenceFlow { Id = "F1", Source = start, Target = wait }, new SequenceFlow { Id = "F2", Source = wait, Target = end }]);

        var diagnostics = Validate(new BpmnDocument { Processes = [process] });

        Single(diagnostics, BpmnCodes.TimerWithoutDefinition, "Wait");
    }
}
