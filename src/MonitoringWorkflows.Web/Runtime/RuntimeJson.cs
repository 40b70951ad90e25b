using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// Source-generated serialization of the instance state and of triggers kept with incidents. Enums are written as
/// names so that a state stored today still reads after an enum gains a member.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstanceState))]
[JsonSerializable(typeof(Trigger))]
[JsonSerializable(typeof(StartInstance))]
[JsonSerializable(typeof(CompleteTask))]
[JsonSerializable(typeof(FireTimer))]
[JsonSerializable(typeof(ReceiveMessage))]
[JsonSerializable(typeof(CompleteCalledProcess))]
[JsonSerializable(typeof(FailCalledProcess))]
[JsonSerializable(typeof(CancelInstance))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;

internal static class RuntimeJson
{
    // The engine's Trigger carries no polymorphism attributes (it knows nothing of storage), so the type
    // discriminator is added here.
    private static readonly JsonSerializerOptions TriggerOptions = new()
    {
        TypeInfoResolver = RuntimeJsonContext.Default.WithAddedModifier(AddTriggerTypes),
    };

    // The state is written on every step: members still at the value a new object has are left out (they read back
    // as that value), which takes a fifth off a small instance's document.
    private static readonly JsonTypeInfo<InstanceState> StateInfo = (JsonTypeInfo<InstanceState>)new JsonSerializerOptions
    {
        TypeInfoResolver = RuntimeJsonContext.Default.WithAddedModifier(CompactMembers.OmitInitialValues),
    }.GetTypeInfo(typeof(InstanceState));

    public static string Serialize(InstanceState state) => JsonSerializer.Serialize(state, StateInfo);

    public static InstanceState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, StateInfo) ?? throw new JsonException("The stored instance state is empty.");

    public static string Serialize(Trigger trigger) => JsonSerializer.Serialize(trigger, TriggerOptions);

    public static Trigger DeserializeTrigger(string json) =>
        JsonSerializer.Deserialize<Trigger>(json, TriggerOptions) ?? throw new JsonException("The stored trigger is empty.");

    private static void AddTriggerTypes(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Trigger)) return;
        typeInfo.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$trigger",
            DerivedTypes =
            {
                new JsonDerivedType(typeof(StartInstance), nameof(StartInstance)),
                new JsonDerivedType(typeof(CompleteTask), nameof(CompleteTask)),
                new JsonDerivedType(typeof(FireTimer), nameof(FireTimer)),
                new JsonDerivedType(typeof(ReceiveMessage), nameof(ReceiveMessage)),
                new JsonDerivedType(typeof(CompleteCalledProcess), nameof(CompleteCalledProcess)),
                new JsonDerivedType(typeof(FailCalledProcess), nameof(FailCalledProcess)),
                new JsonDerivedType(typeof(CancelInstance), nameof(CancelInstance)),
            },
        };
    }
}
