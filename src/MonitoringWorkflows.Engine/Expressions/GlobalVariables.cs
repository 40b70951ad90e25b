using System.Text.Json.Nodes;
using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// The prototype of the global object, where a name the script does not declare is looked up after the
/// built-ins. It answers with the process variable of that name, converted to JavaScript the first time it
/// is touched in an evaluation, so a condition over two variables converts two of them, however many the
/// instance has. Every way of reading an own property materializes first and then defers to the ordinary
/// implementation, so the object behaves as a plain object that happens to hold the touched variables.
/// </summary>
internal sealed class GlobalVariables : ObjectInstance
{
    private readonly ObjectInstance _objectPrototype;
    private readonly Dictionary<string, JsonNode?> _touched = new(StringComparer.Ordinal);
    private IVariableScope? _variables;

    public GlobalVariables(JintEngine engine) : base(engine)
    {
        _objectPrototype = engine.Intrinsics.Object.PrototypeObject;
        Prototype = _objectPrototype;
    }

    /// <summary>The variables converted in this evaluation, with their values as they were before it.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Touched => _touched;

    public void Bind(IVariableScope variables) => _variables = variables;

    /// <summary>Forgets the evaluation: its variables, anything a script put here, a changed prototype.</summary>
    public void Reset()
    {
        _variables = null;
        _touched.Clear();
        foreach (var key in base.GetOwnPropertyKeys(Types.String | Types.Symbol)) RemoveOwnProperty(key);
        if (!ReferenceEquals(Prototype, _objectPrototype)) Prototype = _objectPrototype;
    }

    private void Materialize(JsValue key)
    {
        if (_variables is null || key is not JsString) return;
        var name = key.ToString();
        // Touched once per evaluation: a variable a script deleted stays deleted.
        if (_touched.ContainsKey(name) || !_variables.TryGet(name, out var value)) return;
        _touched.Add(name, value);
        FastSetProperty(name, new PropertyDescriptor(
            JsonToJs.Convert(_engine, value), PropertyFlag.ConfigurableEnumerableWritable));
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
