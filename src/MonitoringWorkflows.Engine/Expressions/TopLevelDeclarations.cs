using Acornima.Ast;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// The names a script declares at its top level, which become (or shadow) variables: <c>var</c> anywhere
/// outside a function (it hoists), <c>let</c> and <c>const</c> directly in the script's body.
/// </summary>
internal static class TopLevelDeclarations
{
    public static (IReadOnlyList<string> VarNames, IReadOnlyList<string> LexicalNames) Of(Script script)
    {
        var varNames = new List<string>();
        var lexicalNames = new List<string>();
        foreach (var statement in script.Body)
        {
            if (statement is VariableDeclaration { Kind: not VariableDeclarationKind.Var } lexical)
            {
                foreach (var declarator in lexical.Declarations) AddBoundNames(declarator.Id, lexicalNames);
            }
            else
            {
                CollectVarNames(statement, varNames);
            }
        }
        return (varNames.Distinct().ToList(), lexicalNames);
    }

    private static void CollectVarNames(Node node, List<string> names)
    {
        if (node is VariableDeclaration { Kind: VariableDeclarationKind.Var } declaration)
        {
            foreach (var declarator in declaration.Declarations) AddBoundNames(declarator.Id, names);
        }
        foreach (var child in node.ChildNodes)
        {
            // A function (or class static block) keeps its vars to itself.
            if (child is not (IHoistingScope or IFunction)) CollectVarNames(child, names);
        }
    }

    private static void AddBoundNames(Node? pattern, List<string> names)
    {
        switch (pattern)
        {
            case Identifier identifier:
                names.Add(identifier.Name);
                break;
            case ObjectPattern obj:
                foreach (var property in obj.Properties)
                {
                    AddBoundNames(property is Property p ? p.Value : property, names);
                }
                break;
            case ArrayPattern array:
                foreach (var element in array.Elements) AddBoundNames(element, names);
                break;
            case AssignmentPattern assignment:
                AddBoundNames(assignment.Left, names);
                break;
            case RestElement rest:
                AddBoundNames(rest.Argument, names);
                break;
        }
    }
}
