namespace MonitoringWorkflows.Web.Forms;

/// <summary>Splits a FEEL condition into tokens: quoted strings, names (dotted paths), numbers, operators, parentheses.</summary>
internal static class FeelTokens
{
    public static IReadOnlyList<string> Read(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var length = c switch
            {
                '"' => QuotedLength(text, i),
                '(' or ')' or '=' => 1,
                '!' when i + 1 < text.Length && text[i + 1] == '=' => 2,
                _ when char.IsLetterOrDigit(c) || c is '_' or '.' or '-' => WordLength(text, i),
                _ => throw new FormSchemaException($"Unsupported condition: unexpected '{c}'."),
            };
            tokens.Add(text.Substring(i, length));
            i += length;
        }
        return tokens;
    }

    public static bool IsName(string token) =>
        token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_')
        && token.All(c => char.IsLetterOrDigit(c) || c is '_' or '.');

    private static int QuotedLength(string text, int start)
    {
        var end = text.IndexOf('"', start + 1);
        if (end < 0) throw new FormSchemaException("Unsupported condition: a string is not closed.");
        if (text.AsSpan(start + 1, end - start - 1).Contains('\\')) throw new FormSchemaException("Unsupported condition: escapes in strings.");
        return end - start + 1;
    }

    private static int WordLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.' || (text[end] == '-' && end == start))) end++;
        return end - start;
    }
}
