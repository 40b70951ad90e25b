using System.Text.Json.Nodes;
using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// What a script assigned: of the top-level names it could have set (its let and const, the global
/// object's own properties that are not built-ins, the variables it reached), those whose value now differs
/// from the variable's value before the script, or that are new. A variable still holding the very primitive
/// it was given is unchanged without being converted back; objects are converted and compared, since a
/// script may change them in place. Functions and symbols are not variables and are left out; a new name
/// still undefined was declared but never given a value.
/// </summary>
internal sealed class ScriptAssignments
{
    private readonly JintEngine _engine;
    private readonly GlobalVariables _variables;
    private readonly BuiltIns _builtIns;
    private readonly HashSet<string> _considered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _assigned = new(StringComparer.Ordinal);

    private ScriptAssignments(JintEngine engine, GlobalVariables variables, BuiltIns builtIns)
    {
        _engine = engine;
        _variables = variables;
        _builtIns = builtIns;
    }

    public static Dictionary<string, JsonNode?> Collect(
        JintEngine engine, CompiledSource source, GlobalVariables variables, BuiltIns builtIns)
    {
        var collect = new ScriptAssignments(engine, variables, builtIns);
        collect.Lexical(source);
        // The names the script declares or assigns first, in its own order, then any other global.
        foreach (var name in source.Names.VarNames) collect.Global(name);
        foreach (var name in source.Names.AssignedNames) collect.Global(name);
        var keys = engine.Global.GetOwnPropertyKeys(Types.String);
        for (var i = 0; i < keys.Count; i++)
        {
            // The built-ins come first, as the very keys the engine started with: no need to look them up.
            if (i < builtIns.Keys.Length && ReferenceEquals(keys[i], builtIns.Keys[i])) continue;
            collect.Global(keys[i].ToString());
        }
        collect.ReachedOtherwise();
        return collect._assigned;
    }

    private void Lexical(CompiledSource source)
    {
        if (source.LexicalReader is not { } reader || _engine.Evaluate(reader) is not JsArray values) return;
        var names = source.Names.LexicalNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (_considered.Add(names[i])) Compare(names[i], values[(uint)i]);
        }
    }

    private void Global(string name)
    {
        if (!_builtIns.Names.Contains(name) && _considered.Add(name)) Compare(name, _engine.Global.Get(name));
    }

    // Variables reached through the prototype only (globalThis[name]), or deleted from the global object.
    private void ReachedOtherwise()
    {
        var others = new List<string>();
        foreach (var (name, seen) in _variables.Seen)
        {
            if (seen.Exists && !_considered.Contains(name)) others.Add(name);
        }
        foreach (var name in others) Global(name);
    }

    private void Compare(string name, JsValue value)
    {
        bool existed;
        JsonNode? before;
        if (_variables.Seen.TryGetValue(name, out var seen))
        {
            if (seen.Exists && ReferenceEquals(value, seen.Value) && value is not ObjectInstance) return;
            (existed, before) = (seen.Exists, seen.Before);
        }
        else
        {
            existed = _variables.Scope.TryGet(name, out before);
        }
        if (!JsToJson.TryConvert(value, out var after))
        {
            if (value.IsUndefined() && existed && before is not null) _assigned[name] = null;
            return;
        }
        if (!existed || !JsonNode.DeepEquals(before, after)) _assigned[name] = after;
    }
}
