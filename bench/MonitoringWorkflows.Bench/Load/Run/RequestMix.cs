namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>
/// One kind of request of the mix: a URL template with <c>{task}</c> (an open task the user may answer) or
/// <c>{case}</c> (a case of the user's district) filled per request, and the roles that may ask for it (all when empty).
/// </summary>
internal sealed record RequestTemplate(string Template, IReadOnlySet<string> Roles)
{
    public bool AllowedFor(string role) => Roles.Count == 0 || Roles.Contains(role);

    public bool NeedsTask => Template.Contains("{task}", StringComparison.Ordinal);
    public bool NeedsCase => Template.Contains("{case}", StringComparison.Ordinal);

    public string Fill(BenchUser user, Random random) => Template
        .Replace("{task}", NeedsTask ? user.Tasks[random.Next(user.Tasks.Count)].ToString(System.Globalization.CultureInfo.InvariantCulture) : "", StringComparison.Ordinal)
        .Replace("{case}", NeedsCase ? Uri.EscapeDataString(user.Cases[random.Next(user.Cases.Count)]) : "", StringComparison.Ordinal);
}

/// <summary>
/// The request mix: <c>--mix</c> is a preset name or a comma-separated list of <c>path[@Role+Role]</c>.
/// <c>issue</c> is the mix of issue 3 (inbox, step, case pages and their API); <c>today</c> the pages that exist now.
/// </summary>
internal static class RequestMix
{
    public static readonly IReadOnlyDictionary<string, string> Presets = new Dictionary<string, string>
    {
        // Registrars have no inbox (403) and only chairs and secretaries the district's case list.
        ["issue"] = "/inbox@AgencyMember+Chair+Secretary,/inbox?filter=overdue@AgencyMember+Chair+Secretary," +
            "/inbox?filter=mine@AgencyMember+Chair+Secretary,/inbox/{task}@AgencyMember+Chair+Secretary,/cases/{case}," +
            "/cases@Chair+Secretary,/api/tasks@AgencyMember+Chair+Secretary,/api/cases/{case}",
        ["today"] = "/,/cases/new@Registrar,/api/definitions",
    };

    public static IReadOnlyList<RequestTemplate> Parse(string spec)
    {
        var text = Presets.GetValueOrDefault(spec, spec);
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            var roles = at < 0 ? [] : entry[(at + 1)..].Split('+', StringSplitOptions.RemoveEmptyEntries);
            return new RequestTemplate(at < 0 ? entry : entry[..at], new HashSet<string>(roles, StringComparer.Ordinal));
        }).ToList();
    }
}
