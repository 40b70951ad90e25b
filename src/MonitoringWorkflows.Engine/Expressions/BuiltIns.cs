using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>The global object's own properties before any evaluation: their names, and their keys in order.</summary>
internal sealed record BuiltIns(HashSet<string> Names, JsValue[] Keys)
{
    public static BuiltIns Of(ObjectInstance global)
    {
        var keys = global.GetOwnPropertyKeys(Types.String).ToArray();
        return new(keys.Select(key => key.ToString()).ToHashSet(StringComparer.Ordinal), keys);
    }
}
