using Acornima;
using Acornima.Ast;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Whether an expression can change nothing in the engine: no assignment, update, <c>delete</c>, call,
/// <c>new</c>, function, tagged template, <c>instanceof</c>, computed key or anything else outside a short
/// list of reading constructs. With no function of its own and no call, the only code such an expression
/// runs is the built-ins' (a conversion to a primitive, a getter), and those change no global. After it, removing the variables
/// defined for it is all the reset there is to do; anything else gets the engine's full restore.
/// </summary>
internal static class ReadOnlyExpression
{
    private static readonly HashSet<NodeType> Reading =
    [
        NodeType.Program, NodeType.ExpressionStatement, NodeType.ParenthesizedExpression,
        NodeType.Literal, NodeType.Identifier, NodeType.TemplateLiteral, NodeType.TemplateElement,
        NodeType.MemberExpression, NodeType.ChainExpression,
        NodeType.BinaryExpression, NodeType.LogicalExpression, NodeType.UnaryExpression, NodeType.ConditionalExpression,
        NodeType.SequenceExpression, NodeType.ArrayExpression, NodeType.ObjectExpression, NodeType.Property,
        NodeType.SpreadElement,
    ];

    // instanceof calls the right side's Symbol.hasInstance with the left side, and an object literal with a
    // computed key can carry a built-in under a symbol the language calls implicitly (Symbol.hasInstance,
    // Symbol.toPrimitive, Symbol.iterator): `globalThis instanceof { [Symbol.hasInstance]: Object.freeze }`
    // would freeze the global object with no call in sight. Without them, the only built-ins run implicitly
    // are toString and valueOf, on the literal itself and with no argument.
    public static bool Is(Script program) =>
        program.DescendantNodes().All(node =>
            Reading.Contains(node.Type)
            && node is not UnaryExpression { Operator: Operator.Delete }
            && node is not NonLogicalBinaryExpression { Operator: Operator.InstanceOf }
            && node is not Property { Kind: not PropertyKind.Init } and not Property { Computed: true });
}
