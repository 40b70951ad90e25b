using System.Text.Json.Nodes;
using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// What a script assigned: of the top-level names it could have set (its let and const, the global
/// object's own properties that are not built-ins, the variables it reached), those whose value now differs
/// from the variable's value before the script, or that are new. A variable still holding the very primitive
/// it was given is unchanged without being converted back; objects are converted and compared, since a
/// script may change them in place. Functions and symbols are not variables and are left out; a new name
/// still undefined was declared but never given a value. The names the script declares or assigns come
/// first, in its own order.
/// </summary>
internal sealed class ScriptAssignments
{
    private readonly JintEngine _engine;
    private readonly GlobalVariables _variables;
    private readonly Dictionary<string, JsonNode?> _assigned = new(StringComparer.Ordinal);
    private int _variablesOnGlobal;

    private ScriptAssignments(JintEngine engine, GlobalVariables variables)
    {
        _engine = engine;
        _variables = variables;
    }

    public static Dictionary<string, JsonNode?> Collect(
        JintEngine engine, CompiledSource source, GlobalVariables variables, BuiltIns builtIns)
    {
        var collect = new ScriptAssignments(engine, variables);
        var lexicalNames = collect.Lexical(source);
        if (source.Names.ReachesGlobalObject)
        {
            collect.Globals(builtIns, lexicalNames);
            collect.ReachedOtherwise(lexicalNames);
        }
        else
        {
            collect.Named(source.Names, builtIns);
        }
        return collect.InScriptOrder(source.Names);
    }

    // A script that cannot reach the global object changes a global by assigning its name, or changes a
    // variable's object in place; it cannot delete one either (strict mode). So only its vars, the names it
    // assigns and the objects it was given need reading; a primitive it only read is unchanged.
    private void Named(ScriptNames names, BuiltIns builtIns)
    {
        var global = _engine.Global;
        foreach (var name in names.VarNames.Concat(names.AssignedNames))
        {
            if (!builtIns.Names.Contains(name)) Compare(name, global.Get(name));
        }
        List<string>? objects = null;
        foreach (var (name, seen) in _variables.Seen)
        {
            if (seen.Value is ObjectInstance && !names.VarNames.Contains(name) && !names.AssignedNames.Contains(name))
            {
                (objects ??= []).Add(name);
            }
        }
        foreach (var name in objects ?? []) Compare(name, global.Get(name));
    }

    private IReadOnlyList<string> Lexical(CompiledSource source)
    {
        if (source.LexicalReader is not { } reader || _engine.Evaluate(reader) is not JsArray values) return [];
        var names = source.Names.LexicalNames;
        for (var i = 0; i < names.Count; i++) Compare(names[i], values[(uint)i]);
        return names;
    }

    // The global object's own properties past the built-ins: the variables defined for the script, its
    // vars, and whatever it added. A let or const of the same name has already been read and wins.
    private void Globals(BuiltIns builtIns, IReadOnlyList<string> lexicalNames)
    {
        var global = _engine.Global;
        var keys = global.GetOwnPropertyKeys(Types.String);
        // The built-ins come first, as the very keys the engine started with, unless one was deleted.
        var start = 0;
        while (start < builtIns.Keys.Length && start < keys.Count && ReferenceEquals(keys[start], builtIns.Keys[start])) start++;
        var builtInsIntact = start == builtIns.Keys.Length;
        for (var i = start; i < keys.Count; i++)
        {
            var name = keys[i].ToString();
            if (!builtInsIntact && builtIns.Names.Contains(name)) continue;
            if (lexicalNames.Count > 0 && lexicalNames.Contains(name)) continue;
            if (Compare(name, global.Get(keys[i]))) _variablesOnGlobal++;
        }
    }

    // Variables reached through the prototype only (globalThis[name]), or deleted from the global object.
    private void ReachedOtherwise(IReadOnlyList<string> lexicalNames)
    {
        var existing = 0;
        foreach (var (_, found) in _variables.Seen)
        {
            if (found.Exists) existing++;
        }
        if (existing == _variablesOnGlobal) return;
        var global = _engine.Global;
        foreach (var name in _variables.Seen.Where(pair => pair.Value.Exists).Select(pair => pair.Key).ToList())
        {
            if (lexicalNames.Contains(name) || global.GetOwnProperty(name) != PropertyDescriptor.Undefined) continue;
            Compare(name, global.Get(name));
        }
    }

    /// <returns>Whether the name is a variable this evaluation looked up.</returns>
    private bool Compare(string name, JsValue value)
    {
        bool existed;
        JsonNode? before;
        var looked = _variables.Seen.TryGetValue(name, out var seen);
        if (looked)
        {
            // What the script was given, untouched: a primitive is immutable, an object is walked (not converted).
            if (seen.Exists && ReferenceEquals(value, seen.Value)
                && (value is not ObjectInstance || JsonComparison.Unchanged(value, seen.Before))) return true;
            (existed, before) = (seen.Exists, seen.Before);
        }
        else
        {
            existed = _variables.Scope.TryGet(name, out before);
        }
        if (!JsToJson.TryConvert(value, out var after))
        {
            if (value.IsUndefined() && existed && before is not null) _assigned[name] = null;
        }
        else if (!existed || !JsonNode.DeepEquals(before, after))
        {
            _assigned[name] = after;
        }
        return looked && seen.Exists;
    }

    private Dictionary<string, JsonNode?> InScriptOrder(ScriptNames names)
    {
        if (_assigned.Count < 2) return _assigned;
        var ordered = new Dictionary<string, JsonNode?>(_assigned.Count, StringComparer.Ordinal);
        foreach (var name in names.VarNames.Concat(names.AssignedNames))
        {
            if (_assigned.TryGetValue(name, out var value)) ordered.TryAdd(name, value);
        }
        foreach (var (name, value) in _assigned) ordered.TryAdd(name, value);
        return ordered;
    }
}
