using MonitoringWorkflows.Web.Designer.Versions;
using MonitoringWorkflows.Web.Runtime;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Designer;

public sealed class VersionDiffTests
{
    internal static readonly string Before = Process("referralDemo", $"""
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="Screen" name="Screen" mw:agency="SocialProtection" mw:formKey="risk-screening" mw:dueIn="PT24H" />
        <bpmn:exclusiveGateway id="Level" default="F_Low" />
        <bpmn:userTask id="Refer" name="Refer" mw:agency="Police" />
        <bpmn:userTask id="FollowUp" name="Follow up" mw:agency="SocialProtection" />
        <bpmn:endEvent id="End" />
        {Flow("F_Start", "Start", "Screen")}
        {Flow("F_Screen", "Screen", "Level")}
        {Flow("F_High", "Level", "Refer", "level === 'high'")}
        {Flow("F_Low", "Level", "FollowUp")}
        {Flow("F_Refer", "Refer", "End")}
        {Flow("F_FollowUp", "FollowUp", "End")}
        """);

    /// <summary>Screening now goes to Health with three days; the high route has a new condition and a new Health step; follow-up is gone.</summary>
    internal static readonly string After = Process("referralDemo", $"""
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="Screen" name="Screen" mw:agency="Health" mw:formKey="risk-screening" mw:dueIn="P3D" />
        <bpmn:exclusiveGateway id="Level" default="F_Low" />
        <bpmn:userTask id="Refer" name="Refer" mw:agency="Police" />
        <bpmn:userTask id="HealthCheck" name="Health check" mw:agency="Health" />
        <bpmn:endEvent id="End" />
        {Flow("F_Start", "Start", "Screen")}
        {Flow("F_Screen", "Screen", "Level")}
        {Flow("F_High", "Level", "Refer", "level === 'high' || level === 'grave'")}
        {Flow("F_Low", "Level", "HealthCheck")}
        {Flow("F_Refer", "Refer", "End")}
        {Flow("F_Health", "HealthCheck", "End")}
        """);

    [Fact]
    public void Between_TwoVersions_ListsExactlyTheAddedRemovedAndChangedElements()
    {
        var diff = VersionDiff.Between("referralDemo", 1, DefinitionCache.Parse("referralDemo", Before),
            2, DefinitionCache.Parse("referralDemo", After));

        Assert.Equal(["F_Health", "HealthCheck"], diff.Added.Select(e => e.Id));
        Assert.Equal(["F_FollowUp", "FollowUp"], diff.Removed.Select(e => e.Id));
        Assert.Equal(["F_High", "F_Low", "Screen"], diff.Changed.Select(e => e.Id));
        var screen = diff.Changed.Single(e => e.Id == "Screen");
        Assert.Equal([("mw:agency", "SocialProtection", "Health"), ("mw:dueIn", "PT24H", "P3D")],
            screen.Changes.Select(c => (c.Property, c.From, c.To)));
        Assert.Equal(("condition", "level === 'high'", "level === 'high' || level === 'grave'"),
            diff.Changed.Single(e => e.Id == "F_High").Changes.Select(c => (c.Property, c.From, c.To)).Single());
        Assert.Equal(("target", "FollowUp", "HealthCheck"),
            diff.Changed.Single(e => e.Id == "F_Low").Changes.Select(c => (c.Property, c.From, c.To)).Single());
        Assert.Equal("userTask", diff.Added.Single(e => e.Id == "HealthCheck").Type);
    }

    [Fact]
    public void Between_AVersionAndItself_IsEmpty()
    {
        var model = DefinitionCache.Parse("referralDemo", Before);

        Assert.True(VersionDiff.Between("referralDemo", 1, model, 1, model).IsEmpty);
    }

    [Fact]
    public void Between_ATaskThatChangedType_ReportsTheType()
    {
        var serviceInstead = Before.Replace("""<bpmn:userTask id="Refer" name="Refer" mw:agency="Police" />""",
            """<bpmn:serviceTask id="Refer" name="Refer" mw:action="notify" />""");

        var diff = VersionDiff.Between("referralDemo", 1, DefinitionCache.Parse("referralDemo", Before),
            2, DefinitionCache.Parse("referralDemo", serviceInstead));

        var refer = Assert.Single(diff.Changed);
        Assert.Contains(refer.Changes, c => c is { Property: "type", From: "userTask", To: "serviceTask" });
        Assert.Contains(refer.Changes, c => c is { Property: "mw:action", From: null, To: "notify" });
    }
}
