using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// The variables of one evaluation, converted to JavaScript at most once each. The names a source uses
/// are defined on the global object before it runs (<see cref="TryMaterialize"/>); this object, the global
/// object's prototype, answers every other name (<c>globalThis[name]</c>, <c>for (k in globalThis)</c>)
/// the first time it is touched, after the built-ins. Every way of reading one of its own properties
/// materializes first and then defers to the ordinary implementation, so it behaves as a plain object that
/// happens to hold the touched variables.
/// </summary>
internal sealed class GlobalVariables : ObjectInstance
{
    private readonly ObjectInstance _objectPrototype;
    private readonly Dictionary<string, Materialized> _materialized = new(StringComparer.Ordinal);
    private IVariableScope? _variables;

    public GlobalVariables(JintEngine engine) : base(engine)
    {
        _objectPrototype = engine.Intrinsics.Object.PrototypeObject;
        Prototype = _objectPrototype;
    }

    /// <summary>Every name looked up in this evaluation, found or not, with the variable's value before it.</summary>
    public Dictionary<string, Materialized> Seen => _materialized;

    public IVariableScope Scope => _variables ?? throw new InvalidOperationException("No evaluation is running.");

    public void Bind(IVariableScope variables) => _variables = variables;

    /// <summary>
    /// The variable's JavaScript value, converted the first time this evaluation asks for it and the same
    /// object every later time; false when there is no such variable.
    /// </summary>
    public bool TryMaterialize(string name, out JsValue value)
    {
        ref var found = ref CollectionsMarshal.GetValueRefOrAddDefault(_materialized, name, out var known);
        if (!known)
        {
            try
            {
                found = Scope.TryGet(name, out var before)
                    ? new Materialized(true, before, JsonToJs.Convert(_engine, before))
                    : Materialized.Missing;
            }
            catch
            {
                // No half-made entry: the evaluation fails, but the engine goes on to the next one.
                _materialized.Remove(name);
                throw;
            }
        }
        value = found.Value;
        return found.Exists;
    }

    /// <summary>Forgets the evaluation: its variables, anything a script put here, a changed prototype.</summary>
    public void Reset()
    {
        _variables = null;
        _materialized.Clear();
        foreach (var key in base.GetOwnPropertyKeys(Types.String | Types.Symbol)) RemoveOwnProperty(key);
        if (!ReferenceEquals(Prototype, _objectPrototype)) Prototype = _objectPrototype;
    }

    // Looked up once per evaluation: a variable a script deleted stays deleted.
    private void Materialize(JsValue key)
    {
        if (_variables is null || key is not JsString) return;
        var name = key.ToString();
        if (_materialized.ContainsKey(name) || !TryMaterialize(name, out var value)) return;
        FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.ConfigurableEnumerableWritable));
    }

    private void MaterializeAll()
    {
        if (_variables is null) return;
        foreach (var name in _variables.Names) Materialize(JsString.Create(name));
    }

    public override PropertyDescriptor GetOwnProperty(JsValue property)
    {
        Materialize(property);
        return base.GetOwnProperty(property);
    }

    protected override bool TryGetOwnPropertyValue(JsValue property, JsValue receiver, out JsValue value)
    {
        Materialize(property);
        return base.TryGetOwnPropertyValue(property, receiver, out value);
    }

    protected override OwnPropertyProbe ProbeOwnProperty(JsValue property)
    {
        Materialize(property);
        return base.ProbeOwnProperty(property);
    }

    protected override bool TryGetProperty(JsValue property, out PropertyDescriptor descriptor)
    {
        Materialize(property);
        return base.TryGetProperty(property, out descriptor!);
    }

    public override bool HasProperty(JsValue property)
    {
        Materialize(property);
        return base.HasProperty(property);
    }

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        Materialize(property);
        return base.Get(property, receiver);
    }

    public override bool Set(JsValue property, JsValue value, JsValue receiver)
    {
        Materialize(property);
        return base.Set(property, value, receiver);
    }

    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc)
    {
        Materialize(property);
        return base.DefineOwnProperty(property, desc);
    }

    public override bool Delete(JsValue property)
    {
        Materialize(property);
        return base.Delete(property);
    }

    public override List<JsValue> GetOwnPropertyKeys(Types types = Types.String | Types.Symbol)
    {
        MaterializeAll();
        return base.GetOwnPropertyKeys(types);
    }

    public override IEnumerable<KeyValuePair<JsValue, PropertyDescriptor>> GetOwnProperties()
    {
        MaterializeAll();
        return base.GetOwnProperties();
    }

    // Freezing this object would outlive the evaluation that froze it.
    public override bool PreventExtensions() => false;
}

/// <summary>A variable as one evaluation found it: whether it exists, its JSON value, and its JavaScript copy.</summary>
internal readonly record struct Materialized(bool Exists, JsonNode? Before, JsValue Value)
{
    public static Materialized Missing { get; } = new(false, null, JsValue.Undefined);
}
