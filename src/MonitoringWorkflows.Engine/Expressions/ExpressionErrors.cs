using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>The codes of <see cref="ExpressionException"/> and the messages that say what went wrong where.</summary>
internal static class ExpressionErrors
{
    public const string Syntax = "EXPR001";
    public const string Runtime = "EXPR002";
    public const string Limit = "EXPR003";
    public const string WrongType = "EXPR004";

    private const int QuoteLength = 80;

    public static ExpressionException SyntaxError(CompiledSource source) =>
        new(Syntax, $"The {source.Kind} '{Quote(source.Text)}' does not parse: {source.SyntaxError}.");

    public static ExpressionException NotJson(CompiledSource source, JsValue value) =>
        new(WrongType, $"The {source.Kind} '{Quote(source.Text)}' returned {Describe(value)}, which is not a JSON value.");

    public static ExpressionException NotBoolean(CompiledSource source, JsValue value) =>
        new(WrongType, $"The condition '{Quote(source.Text)}' returned {Describe(value)}, expected true or false.");

    /// <summary>What Jint threw (or a limit it hit), as an expression error.</summary>
    public static ExpressionException FromJint(Exception error, CompiledSource source, ExpressionLimits limits)
    {
        var stopped = $"The {source.Kind} '{Quote(source.Text)}' was stopped: it";
        return error switch
        {
            JavaScriptException js => new(Runtime,
                $"The {source.Kind} '{Quote(source.Text)}' failed: {ErrorText(js)}{Position(js, source)}.", js),
            StatementsCountOverflowException => new(Limit,
                $"{stopped} executed more than {limits.MaxStatements} statements (an endless loop?).", error),
            MemoryLimitExceededException => new(Limit, $"{stopped} went over the memory limit ({error.Message}).", error),
            RecursionDepthOverflowException => new(Limit,
                $"{stopped} nested calls deeper than {limits.MaxRecursionDepth} (endless recursion?).", error),
            RegexMatchTimeoutException => new(Limit,
                $"{stopped} matched a regular expression for longer than {limits.RegexTimeout.TotalMilliseconds:0} ms.", error),
            TimeoutException => new(Limit,
                $"{stopped} ran longer than {limits.Timeout.TotalMilliseconds:0} ms.", error),
            ExecutionCanceledException => new(Limit, $"{stopped} was cancelled.", error),
            _ => new(Runtime, $"The {source.Kind} '{Quote(source.Text)}' failed: {error.Message}.", error),
        };
    }

    public static string Describe(JsValue value) => value.Type switch
    {
        Types.Undefined => "undefined",
        Types.Null => "null",
        Types.Boolean => "a boolean",
        Types.String => "a string",
        Types.Number => "a number",
        Types.BigInt => "a BigInt",
        Types.Symbol => "a symbol",
        _ when value.IsCallable() => "a function",
        _ when value.IsArray() => "an array",
        _ => "an object",
    };

    public static string Quote(string text)
    {
        var oneLine = string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= QuoteLength ? oneLine : oneLine[..(QuoteLength - 3)] + "...";
    }

    // "ReferenceError: score is not defined". The name is read from data properties only: a thrown object
    // with a getter must not run script again while the error is being reported.
    private static string ErrorText(JavaScriptException error)
    {
        for (var obj = error.Error as ObjectInstance; obj is not null; obj = obj.Prototype)
        {
            var name = obj.GetOwnProperty("name");
            if (name.IsDataDescriptor() && name.Value is JsString text) return $"{text}: {error.Message}";
            if (name != PropertyDescriptor.Undefined) break;
        }
        return error.Message;
    }

    private static string Position(JavaScriptException error, CompiledSource source)
    {
        var start = error.Location.Start;
        if (start.Line <= 0) return "";
        // Expressions are compiled inside "(...)", which moves the first line one column to the right.
        var column = start.Line == 1 ? start.Column + 1 - source.ColumnShift : start.Column + 1;
        return $" (line {start.Line}, column {column})";
    }
}
