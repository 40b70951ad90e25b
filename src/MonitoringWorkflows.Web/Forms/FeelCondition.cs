using System.Globalization;
using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Web.Forms;

/// <summary>
/// The small part of FEEL that form-js conditions in our forms use (<c>=not(status = "declined")</c>,
/// <c>=judgement = null or judgement = "none"</c>): names, string/number/boolean/null literals, <c>=</c>, <c>!=</c>,
/// <c>and</c>, <c>or</c>, <c>not(…)</c> and parentheses. Anything else is refused when the schema is read, so a form
/// the server would misjudge never reaches a user. A name not in the data is null, as in FEEL.
/// </summary>
public sealed class FeelCondition
{
    private readonly Node root;

    private FeelCondition(Node root) => this.root = root;

    public static FeelCondition Parse(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith('=')) text = text[1..];
        var parser = new Parser(FeelTokens.Read(text));
        var node = parser.Or();
        parser.ExpectEnd();
        return new FeelCondition(node);
    }

    /// <summary>True only when the expression is true; null (FEEL's "unknown") counts as false.</summary>
    public bool IsTrue(JsonObject data) => root.Evaluate(data) is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    internal abstract record Node
    {
        public abstract JsonNode? Evaluate(JsonObject data);
    }

    private sealed record Literal(JsonNode? Value) : Node
    {
        public override JsonNode? Evaluate(JsonObject data) => Value?.DeepClone();
    }

    private sealed record Name(string Path) : Node
    {
        public override JsonNode? Evaluate(JsonObject data)
        {
            JsonNode? current = data;
            foreach (var part in Path.Split('.')) current = current is JsonObject obj ? obj[part] : null;
            return current?.DeepClone();
        }
    }

    private sealed record Not(Node Operand) : Node
    {
        public override JsonNode? Evaluate(JsonObject data) => AsBool(Operand.Evaluate(data)) is { } flag ? JsonValue.Create(!flag) : null;
    }

    private sealed record Binary(string Operator, Node Left, Node Right) : Node
    {
        public override JsonNode? Evaluate(JsonObject data)
        {
            var (left, right) = (Left.Evaluate(data), Right.Evaluate(data));
            return Operator switch
            {
                "=" => JsonValue.Create(Same(left, right)),
                "!=" => JsonValue.Create(!Same(left, right)),
                "and" => Logic(AsBool(left), AsBool(right), and: true),
                "or" => Logic(AsBool(left), AsBool(right), and: false),
                _ => throw new InvalidOperationException($"Unknown operator {Operator}."),
            };
        }
    }

    private static bool Same(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ when Decimal(left) is { } a && Decimal(right) is { } b => a == b,
        _ => JsonNode.DeepEquals(left, right),
    };

    private static decimal? Decimal(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? value.GetValue<decimal>() : null;

    private static bool? AsBool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    // FEEL's three-valued logic: false and unknown is false, true or unknown is true, otherwise unknown.
    private static JsonNode? Logic(bool? left, bool? right, bool and) => and
        ? (left == false || right == false ? JsonValue.Create(false) : left == true && right == true ? JsonValue.Create(true) : null)
        : (left == true || right == true ? JsonValue.Create(true) : left == false && right == false ? JsonValue.Create(false) : null);

    private sealed class Parser(IReadOnlyList<string> tokens)
    {
        private int position;

        private string? Peek => position < tokens.Count ? tokens[position] : null;

        public Node Or()
        {
            var node = And();
            while (Peek == "or") { position++; node = new Binary("or", node, And()); }
            return node;
        }

        public void ExpectEnd()
        {
            if (Peek is { } extra) throw new FormSchemaException($"Unsupported condition: unexpected '{extra}'.");
        }

        private Node And()
        {
            var node = Comparison();
            while (Peek == "and") { position++; node = new Binary("and", node, Comparison()); }
            return node;
        }

        private Node Comparison()
        {
            var left = Primary();
            if (Peek is not ("=" or "!=")) return left;
            var op = tokens[position++];
            return new Binary(op, left, Primary());
        }

        private Node Primary()
        {
            var token = Peek ?? throw new FormSchemaException("Unsupported condition: it ends too early.");
            position++;
            if (token == "not" && Peek == "(") { position++; var inner = Or(); Expect(")"); return new Not(inner); }
            if (token == "(") { var inner = Or(); Expect(")"); return inner; }
            if (token.StartsWith('"')) return new Literal(JsonValue.Create(token[1..^1]));
            if (token is "true" or "false") return new Literal(JsonValue.Create(token == "true"));
            if (token == "null") return new Literal(null);
            if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return new Literal(JsonValue.Create(number));
            if (FeelTokens.IsName(token)) return new Name(token);
            throw new FormSchemaException($"Unsupported condition: '{token}'.");
        }

        private void Expect(string token)
        {
            if (Peek != token) throw new FormSchemaException($"Unsupported condition: expected '{token}'.");
            position++;
        }
    }
}
