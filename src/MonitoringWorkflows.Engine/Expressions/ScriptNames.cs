using Acornima.Ast;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// The names a script can turn into variables: those it declares at its top level (<c>var</c> anywhere
/// outside a function, since it hoists; <c>let</c> and <c>const</c> directly in the script's body) and
/// those it assigns without declaring (<c>level = 'high'</c>). And whether it can reach the global object
/// itself (<c>globalThis</c>, <c>this</c>): a strict script without eval that cannot reach it changes a
/// global only by assigning its name, so no other global needs reading afterwards.
/// </summary>
internal sealed record ScriptNames(
    IReadOnlyList<string> VarNames,
    IReadOnlyList<string> LexicalNames,
    IReadOnlyList<string> AssignedNames,
    bool ReachesGlobalObject)
{
    public static ScriptNames Empty { get; } = new([], [], [], false);

    /// <param name="script">The parsed script.</param>
    /// <param name="freeNames">Names the script uses without declaring them anywhere in scope.</param>
    public static ScriptNames Of(Script script, ISet<string> freeNames)
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
        var assigned = new List<string>();
        var reachesGlobalObject = false;
        foreach (var node in script.DescendantNodes())
        {
            AddAssignmentTargets(node, assigned);
            reachesGlobalObject |= node is ThisExpression or Identifier { Name: "globalThis" };
        }
        return new(varNames.Distinct().ToList(), lexicalNames, assigned.Where(freeNames.Contains).Distinct().ToList(),
            reachesGlobalObject);
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

    private static void AddAssignmentTargets(Node node, List<string> names)
    {
        switch (node)
        {
            case AssignmentExpression assignment:
                AddBoundNames(assignment.Left, names);
                break;
            case UpdateExpression { Argument: Identifier identifier }:
                names.Add(identifier.Name);
                break;
            case ForInStatement { Left: not VariableDeclaration } forIn:
                AddBoundNames(forIn.Left, names);
                break;
            case ForOfStatement { Left: not VariableDeclaration } forOf:
                AddBoundNames(forOf.Left, names);
                break;
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
