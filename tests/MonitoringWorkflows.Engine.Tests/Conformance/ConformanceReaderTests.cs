using System.Reflection;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Tests.Support;
using MonitoringWorkflows.Engine.Tests.Validation;
using MonitoringWorkflows.Engine.Validation;

namespace MonitoringWorkflows.Engine.Tests.Conformance;

/// <summary>The reader on real files written by other tools: it builds a model or rejects with coded errors, never throws.</summary>
public class ConformanceReaderTests
{
    private static readonly HashSet<string> KnownCodes = typeof(BpmnCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet();

    public static TheoryData<string> AllFiles => new(ConformanceFiles.All());

    public static TheoryData<string> NegativeFiles => new(ConformanceFiles.Negative());

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Read_ConformanceFile_BuildsModelOrRejectsWithCodedErrors(string file)
    {
        var result = Read(file);

        Assert.All(result.Diagnostics, diagnostic =>
        {
            Assert.Contains(diagnostic.Code, KnownCodes);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            Assert.True(diagnostic.Message.EndsWith('.'), diagnostic.Message);
        });
        if (result.Document is null)
            Assert.NotEmpty(result.Errors);
        else
            Assert.Empty(result.Errors);
    }

    [Fact]
    public void Validate_EveryReadableConformanceFile_GivesOnlyCodedDiagnosticsWithoutThrowing()
    {
        var validator = new DefinitionValidator();
        var context = new ValidationContext { Expressions = new FakeExpressionEvaluator() };

        var documents = ConformanceFiles.All().Select(file => Read(file).Document).OfType<Model.BpmnDocument>().ToList();
        var diagnostics = documents.SelectMany(document => validator.Validate(document, context)).ToList();

        Assert.True(documents.Count >= 80, $"only {documents.Count} files read");
        Assert.All(diagnostics, d => Assert.Contains(d.Code, KnownCodes));
        Assert.All(diagnostics, d => Assert.False(string.IsNullOrEmpty(d.ElementId), d.Message));
    }

    [Theory]
    [MemberData(nameof(NegativeFiles))]
    public void Read_NegativeFixture_IsRejected(string file)
    {
        var result = Read(file);

        Assert.Null(result.Document);
        Assert.NotEmpty(result.Errors);
    }

    [Theory]
    [InlineData("bpmn-moddle/error/duplicate-ids.bpmn", BpmnCodes.DuplicateId)]
    [InlineData("bpmn-moddle/error/not-bpmn.bpmn", BpmnCodes.NotBpmn)]
    [InlineData("bpmn-moddle/error/binary.png", BpmnCodes.NotWellFormedXml)]
    [InlineData("bpmn-moddle/error/no-xml.txt", BpmnCodes.NotWellFormedXml)]
    [InlineData("bpmn-moddle/error/bad-encoding.bpmn", BpmnCodes.NotWellFormedXml)]
    [InlineData("bpmn-moddle/error/unrecognized-child.bpmn", BpmnCodes.UnknownElement)]
    [InlineData("bpmn-moddle/error/di-no-bpmn-element.bpmn", BpmnCodes.InvalidDiagram)]
    [InlineData("bpmn-js/draw/events.bpmn", BpmnCodes.UndeclaredPrefix)]
    [InlineData("bpmn-js/error/di-plane-no-bpmn-element.bpmn", BpmnCodes.DanglingReference)]
    [InlineData("bpmn-js/import/error/boundaryEvent-invalidAttachToRef.bpmn", BpmnCodes.DanglingReference)]
    [InlineData("bpmn-js/import/error/boundaryEvent-missingAttachToRef.bpmn", BpmnCodes.MissingRequiredPart)]
    [InlineData("bpmn-js/import/error/dangling-process-message-flow.bpmn", BpmnCodes.InvalidReference)]
    [InlineData("bpmn-js/import/error/invalid-flow-element.bpmn", BpmnCodes.InvalidReference)]
    [InlineData("bpmn-js/import/error/multiple-dis.bpmn", BpmnCodes.InvalidDiagram)]
    public void Read_NegativeFixture_GivesTheExpectedCode(string file, string code)
    {
        Assert.Contains(code, Read(file).Errors.Select(d => d.Code));
    }

    [Theory]
    [InlineData("bpmn-engine/simple-task.bpmn", 1, 2)]
    [InlineData("bpmn-engine/sub-process.bpmn", 1, 5)]
    [InlineData("bpmn-engine/call-activity.bpmn", 2, 4)]
    [InlineData("bpmn-engine/task-with-multi-instance-loop.bpmn", 1, 3)]
    [InlineData("bpmn-engine/bound-error-and-timer.bpmn", 1, 7)]
    [InlineData("bpmn-js/nested-subprocesses.bpmn", 1, 8)]
    [InlineData("miwg/reference/A.1.0.bpmn", 1, 5)]
    [InlineData("miwg/bpmn-io-export/A.1.0-export.bpmn", 1, 5)]
    [InlineData("miwg/reference/C.1.1.bpmn", 1, 10)]
    public void Read_KnownGoodFile_BuildsModelWithExpectedNodes(string file, int processes, int nodes)
    {
        var result = Read(file);

        Assert.True(result.Document is not null, string.Join("; ", result.Diagnostics));
        Assert.Equal(processes, result.Document!.Processes.Count);
        Assert.Equal(nodes, result.Document.Processes.Sum(p => p.AllNodes.Count));
    }

    [Fact]
    public void Read_MiwgA10_BuildsTheSequenceStartThreeTasksEnd()
    {
        var process = Read("miwg/reference/A.1.0.bpmn").Document!.Processes[0];

        var names = new List<string?>();
        for (var node = (Model.FlowNode?)process.NoneStart; node is not null; node = node.Outgoing.SingleOrDefault()?.Target)
            names.Add(node.Name);
        Assert.Equal(["Start Event", "Task 1", "Task 2", "Task 3", "End Event"], names);
    }

    private static BpmnReadResult Read(string file)
    {
        using var stream = File.OpenRead(ConformanceFiles.FullPath(file));
        return new BpmnReader().Read(stream);
    }
}
