using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Tests.Runtime;

public sealed class RuntimeJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_NewInstanceState_WritesNoMemberAtItsInitialValue()
    {
        Assert.Equal("{}", RuntimeJson.Serialize(new InstanceState()));
    }

    [Fact]
    public void Serialize_ValuesAtAndAwayFromTheirInitialValues_ReadBackToTheSameState()
    {
        // Every member once at its initial value and once away from it; zero where the initial value is not zero.
        var state = new InstanceState
        {
            Status = InstanceStatus.Completed, IsCalledProcess = true, NextId = 0,
            Tokens =
            [
                new Token { Id = 0, ElementId = "A", ScopeId = 0 },
                new Token { Id = 2, ElementId = "B", ScopeId = 1, Phase = TokenPhase.Waiting, Wait = WaitKind.UserTask, TaskId = 0,
                    ArrivedVia = "F1", EnteredAt = At },
            ],
            Scopes =
            [
                new ScopeInstance { Id = 0, Kind = ScopeKind.Process, ElementId = "p" },
                new ScopeInstance { Id = 1, Kind = ScopeKind.MultiInstance, ElementId = "mi", ParentScopeId = 0, OwnerTokenId = 2,
                    Locals = [], PendingItems = [], NrOfInstances = 2, NrOfCompletedInstances = 1, NrOfActiveInstances = 1 },
            ],
            Subscriptions =
            [
                new Subscription { Id = 3, Kind = SubscriptionKind.Timer, TokenId = 2, ElementId = "T", DueAt = At, RemainingRepetitions = 0, CycleInterval = "PT1H" },
                new Subscription { Id = 4, Kind = SubscriptionKind.Message, TokenId = 2, ElementId = "M", MessageName = "decision" },
            ],
            Variables = new JsonObject { ["zero"] = 0, ["no"] = false, ["empty"] = new JsonArray(), ["none"] = null },
        };

        var read = RuntimeJson.DeserializeState(RuntimeJson.Serialize(state));

        Assert.Equal(Full(state), Full(read));
    }

    [Fact]
    public void DeserializeState_DocumentWrittenWithEveryMember_StillReads()
    {
        // States stored before the compact form keep reading.
        var state = new InstanceState { Tokens = [new Token { Id = 1, ElementId = "A", ScopeId = 0 }], Variables = new JsonObject { ["a"] = 1 } };

        var read = RuntimeJson.DeserializeState(Full(state));

        Assert.Equal(Full(state), Full(read));
        Assert.True(RuntimeJson.Serialize(state).Length < Full(state).Length);
    }

    private static string Full(InstanceState state) => JsonSerializer.Serialize(state, RuntimeJsonContext.Default.InstanceState);
}
