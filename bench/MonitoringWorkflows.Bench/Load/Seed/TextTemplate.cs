using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>What makes one clone of a template case its own: number, time shift, district and reporter.</summary>
internal sealed class CloneContext
{
    public string CaseNumber { get; set; } = "";
    public TimeSpan Shift { get; set; }
    public string DistrictSuffix { get; set; } = "";
    public string ReporterName { get; set; } = "";
    public string ReporterContact { get; set; } = "";
}

/// <summary>
/// A text column of a template row (state JSON, journal data, task input, report…) split once at what differs between
/// clones: the case number, demo logins (which become the district's logins), ISO timestamps and dates (shifted),
/// and the reporter's name and contact. Rendering a clone is then a concatenation.
/// </summary>
internal sealed partial class TextTemplate
{
    private enum Slot { Literal, CaseNumber, Actor, Timestamp, Date, ReporterName, ReporterContact }

    private readonly List<(Slot Kind, string Text, DateTimeOffset Time)> parts;

    private TextTemplate(List<(Slot, string, DateTimeOffset)> parts) => this.parts = parts;

    /// <summary>The template of <paramref name="text"/>, or null when nothing in it differs between clones.</summary>
    public static TextTemplate? Of(string text, TemplateTerms terms)
    {
        var parts = new List<(Slot, string, DateTimeOffset)>();
        var at = 0;
        foreach (Match match in terms.Pattern.Matches(text))
        {
            if (match.Index > at) parts.Add((Slot.Literal, text[at..match.Index], default));
            parts.Add(SlotOf(match));
            at = match.Index + match.Length;
        }
        if (parts.Count == 0) return null;
        if (at < text.Length) parts.Add((Slot.Literal, text[at..], default));
        return new TextTemplate(parts);
    }

    private static (Slot, string, DateTimeOffset) SlotOf(Match match)
    {
        if (match.Groups["number"].Success) return (Slot.CaseNumber, "", default);
        if (match.Groups["actor"].Success) return (Slot.Actor, match.Groups["actor"].Value, default);
        if (match.Groups["name"].Success) return (Slot.ReporterName, "", default);
        if (match.Groups["contact"].Success) return (Slot.ReporterContact, "", default);
        if (match.Groups["date"].Success)
            return (Slot.Date, "", DateTimeOffset.ParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        // Written back in the same shape: fraction digits, and Z or the offset it had.
        var value = match.Value;
        var fraction = match.Groups["fraction"].Value.Length;
        var zone = match.Groups["zone"].Value;
        var format = "yyyy-MM-dd'T'HH:mm:ss" + (fraction > 0 ? "." + new string('f', fraction - 1) : "") + (zone == "Z" ? "'Z'" : "zzz");
        return (Slot.Timestamp, format, DateTimeOffset.Parse(value, CultureInfo.InvariantCulture));
    }

    public string Render(CloneContext clone)
    {
        var text = new StringBuilder(256);
        foreach (var (kind, literal, time) in parts)
        {
            switch (kind)
            {
                case Slot.Literal: text.Append(literal); break;
                case Slot.CaseNumber: text.Append(clone.CaseNumber); break;
                case Slot.Actor: text.Append(literal).Append('.').Append(clone.DistrictSuffix).Append('@').Append(BenchOrganisation.Domain); break;
                case Slot.ReporterName: text.Append(clone.ReporterName); break;
                case Slot.ReporterContact: text.Append(clone.ReporterContact); break;
                case Slot.Date: text.Append((time + TimeSpan.FromDays(Math.Floor(clone.Shift.TotalDays))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                default:
                    var shifted = time + clone.Shift;
                    text.Append((literal.EndsWith("'Z'", StringComparison.Ordinal) ? shifted.ToUniversalTime() : shifted)
                        .ToString(literal, CultureInfo.InvariantCulture));
                    break;
            }
        }
        return text.ToString();
    }
}

/// <summary>The terms of one template case that its clones replace.</summary>
internal sealed partial class TemplateTerms(string caseNumber, string reporterName, string reporterContact)
{
    public Regex Pattern { get; } = new(
        $"""(?<number>{Regex.Escape(caseNumber)})|(?<actor>\b[a-z]+)(?=@demo\.az)@demo\.az|(?<name>{Regex.Escape(reporterName)})|(?<contact>{Regex.Escape(reporterContact)})|""" +
        """(?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?<fraction>\.\d{1,7})?(?<zone>Z|[+-]\d{2}:\d{2}))|(?<=")(?<date>\d{4}-\d{2}-\d{2})(?=")""",
        RegexOptions.CultureInvariant);
}
