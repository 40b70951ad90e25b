using Acornima;
using Acornima.Ast;
using Jint;
using JintEngine = Jint.Engine;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>Parses and prepares sources; a syntax error is kept as a message with its line and column.</summary>
internal static class SourceCompiler
{
    private const string TooDeep = "it is nested too deeply to parse";

    // The names a source uses without declaring them: a script's undeclared assignments are among them.
    private static readonly ScriptPreparationOptions PreparationOptions = new() { CollectReferencedGlobals = true };

    public static CompiledSource Expression(string text)
    {
        // Parsed as an expression first so that "a; b" or "1); while (true) {} (1" is refused and positions
        // refer to the text as written; then prepared inside parentheses, so that "{ a: 1 }" is an object.
        try
        {
            new Parser().ParseExpression(text, strict: true);
        }
        catch (ParseErrorException error)
        {
            return CompiledSource.Invalid(text, isScript: false, Describe(error, columnShift: 0));
        }
        catch (InsufficientExecutionStackException)
        {
            return CompiledSource.Invalid(text, isScript: false, TooDeep);
        }
        return Prepare(text, $"({text}\n)", isScript: false);
    }

    public static CompiledSource Script(string text) => Prepare(text, text, isScript: true);

    private static CompiledSource Prepare(string text, string code, bool isScript)
    {
        try
        {
            var prepared = JintEngine.PrepareScript(code, strict: true, options: PreparationOptions);
            return isScript
                ? CompiledSource.Script(text, prepared, LexicalReader)
                : CompiledSource.Expression(text, prepared);
        }
        catch (ScriptPreparationException error)
        {
            var message = FindParseError(error) is { } parse ? Describe(parse, isScript ? 0 : 1)
                : error.InnerException is InsufficientExecutionStackException ? TooDeep
                : error.Message;
            return CompiledSource.Invalid(text, isScript, message);
        }
    }

    // One engine entry reads every top-level let and const after the script ran, instead of one parse each.
    private static Prepared<Script>? LexicalReader(IReadOnlyList<string> names) =>
        names.Count == 0 ? null : JintEngine.PrepareScript($"[{string.Join(", ", names)}]", strict: true);

    private static ParseErrorException? FindParseError(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is ParseErrorException parse) return parse;
        }
        return null;
    }

    private static string Describe(ParseErrorException error, int columnShift)
    {
        var column = error.LineNumber == 1 ? error.Column + 1 - columnShift : error.Column + 1;
        return $"{error.Description} at line {error.LineNumber}, column {column}";
    }
}
