using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>
/// Loads untrusted XML: no DTD, no entity expansion, no external resources, a size limit. Every failure is a
/// diagnostic, never an exception, because administrators upload these files.
/// </summary>
internal static partial class SecureXml
{
    /// <summary>5 MB: the largest real BPMN file we know (MIWG B.2.0) is ~240 KB.</summary>
    public const int MaxCharacters = 5 * 1024 * 1024;

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public static (XDocument? Document, BpmnDiagnostic? Problem) Load(string xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return (null, Empty());
        if (xml.Length > MaxCharacters) return (null, TooLarge());
        using var text = new StringReader(xml);
        return Parse(() => XmlReader.Create(text, Settings()), () => xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase));
    }

    public static (XDocument? Document, BpmnDiagnostic? Problem) Load(Stream stream)
    {
        var bytes = ReadAtMost(stream, MaxCharacters + 1);
        if (bytes.Length > MaxCharacters) return (null, TooLarge());
        if (bytes.Length == 0) return (null, Empty());
        using var memory = new MemoryStream(bytes, writable: false);
        return Parse(() => XmlReader.Create(memory, Settings()), () => MentionsDoctype(bytes));
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static (XDocument?, BpmnDiagnostic?) Parse(Func<XmlReader> open, Func<bool> mentionsDoctype)
    {
        try
        {
            using var reader = open();
            return (XDocument.Load(reader, LoadOptions.SetLineInfo), null);
        }
        catch (XmlException ex)
        {
            return (null, Classify(ex, mentionsDoctype()));
        }
    }

    private static BpmnDiagnostic Classify(XmlException ex, bool mentionsDoctype)
    {
        if (mentionsDoctype)
            return BpmnDiagnostic.Error(BpmnCodes.DtdProhibited, null, null,
                "The file declares a DTD (<!DOCTYPE …>), which is refused for security (entity expansion, external entities): remove the DOCTYPE.");
        // XmlException carries no error code; .NET's (English-only) resource text is the one stable hint that a prefix is undeclared.
        if (ex.Message.Contains("undeclared prefix", StringComparison.OrdinalIgnoreCase))
            return BpmnDiagnostic.Error(BpmnCodes.UndeclaredPrefix, null, null,
                $"The file uses a namespace prefix it never declares (line {ex.LineNumber}, position {ex.LinePosition}: {Reason(ex)}): declare it with xmlns:prefix=\"…\" on the definitions element.");
        if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
            return TooLarge();
        return BpmnDiagnostic.Error(BpmnCodes.NotWellFormedXml, null, null,
            $"The file is not well-formed XML or not readable (line {ex.LineNumber}, position {ex.LinePosition}: {Reason(ex)}): save it again as UTF-8 BPMN 2.0 XML.");
    }

    /// <summary>The exception's text without the "Line 3, position 12." that the message states already.</summary>
    private static string Reason(XmlException ex) => LinePosition().Replace(ex.Message, "").TrimEnd('.', ' ');

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex LinePosition();

    private static bool MentionsDoctype(byte[] bytes)
    {
        // DOCTYPE is ASCII; look for it in UTF-8 (and single-byte encodings) and in UTF-16 text.
        return Encoding.UTF8.GetString(bytes).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            || Encoding.Unicode.GetString(bytes).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            || Encoding.BigEndianUnicode.GetString(bytes).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
    }

    private static BpmnDiagnostic Empty() =>
        BpmnDiagnostic.Error(BpmnCodes.NotWellFormedXml, null, null, "The file is empty: choose a BPMN 2.0 file (.bpmn).");

    private static BpmnDiagnostic TooLarge() =>
        BpmnDiagnostic.Error(BpmnCodes.DocumentTooLarge, null, null,
            $"The file is larger than the limit of {MaxCharacters / (1024 * 1024)} MB: split the process into called processes.");
}
