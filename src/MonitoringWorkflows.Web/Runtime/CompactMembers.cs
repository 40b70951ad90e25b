using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// Leaves out of the JSON every member whose value is the one a newly constructed object already has (false, zero,
/// null, an empty list, the initializer's value), so that reading it back without the member gives the same object.
/// Required members are always written: reading demands them.
/// </summary>
internal static class CompactMembers
{
    public static void OmitInitialValues(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.GetConstructor(Type.EmptyTypes) is null) return;
        // Built with reflection, which ignores `required`: only to learn what each member starts as.
        var fresh = Activator.CreateInstance(typeInfo.Type)!;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsRequired || property.Get is not { } get || property.Set is null) continue;
            var initial = get(fresh);
            property.ShouldSerialize = (_, value) => !IsInitial(value, initial);
        }
    }

    private static bool IsInitial(object? value, object? initial) => value switch
    {
        null => initial is null,
        // A new object's list starts empty: an empty one reads back as that same empty list.
        ICollection collection when initial is ICollection start => collection.Count == 0 && start.Count == 0,
        ICollection<KeyValuePair<string, System.Text.Json.Nodes.JsonNode?>> map
            when initial is ICollection<KeyValuePair<string, System.Text.Json.Nodes.JsonNode?>> start => map.Count == 0 && start.Count == 0,
        _ => value.GetType().IsValueType || value is string ? value.Equals(initial) : false,
    };
}
