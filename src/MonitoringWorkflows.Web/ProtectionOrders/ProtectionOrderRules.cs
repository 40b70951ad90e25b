using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Forms;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>An order as a step's data give it: its kind, when it was issued and for how many days.</summary>
public sealed record OrderDraft(ProtectionOrderKind Kind, DateTimeOffset IssuedOn, int Days)
{
    public DateTimeOffset ExpiresAt => IssuedOn.AddDays(Days);
}

/// <summary>
/// The law's limits on an order, checked on the server when a step's form is submitted, whatever the form itself
/// says: a short-term order lasts 1 day to <see cref="ProtectionOrderOptions.ShortTermMaxDays"/> (at most 60), a court's
/// long-term order 60 to 180 days. Read from the two order forms' fields: <c>orderType</c>, <c>orderIssuedAt</c>,
/// <c>orderDurationDays</c>; <c>courtDecision</c>, <c>courtDecisionAt</c>, <c>courtOrderDays</c>.
/// </summary>
public sealed class ProtectionOrderRules(IOptions<ProtectionOrderOptions> options)
{
    private const string ShortTermIssued = "short-term-order";
    private const string CourtGranted = "granted";

    /// <summary>The field errors of an order out of range; none for data that record no order.</summary>
    public IReadOnlyList<FieldError> Check(string? formKey, JsonObject data)
    {
        if (Fields(formKey, data) is not { } fields) return [];
        var (min, max) = Range(fields.Kind);
        if (Number(data[fields.Days]) is not { } days) return [new FieldError(fields.Days, FieldProblem.Required)];
        if (days < min) return [new FieldError(fields.Days, FieldProblem.BelowMin, min)];
        if (days > max) return [new FieldError(fields.Days, FieldProblem.AboveMax, max)];
        return Moment(data[fields.Issued]) is null ? [new FieldError(fields.Issued, FieldProblem.NotDate)] : [];
    }

    /// <summary>The order the data record, or null when they record none (or are out of range: check them first).</summary>
    public OrderDraft? DraftOf(string? formKey, JsonObject data)
    {
        if (Fields(formKey, data) is not { } fields || Check(formKey, data).Count > 0) return null;
        return new OrderDraft(fields.Kind, Moment(data[fields.Issued])!.Value, (int)Number(data[fields.Days])!.Value);
    }

    public (int Min, int Max) Range(ProtectionOrderKind kind) => kind == ProtectionOrderKind.ShortTerm
        ? (1, options.Value.ShortTermLimit)
        : (ProtectionOrderOptions.LongTermMinDays, ProtectionOrderOptions.LongTermMaxDays);

    private sealed record OrderFields(ProtectionOrderKind Kind, string Issued, string Days);

    private OrderFields? Fields(string? formKey, JsonObject data)
    {
        var settings = options.Value;
        if (formKey == settings.ShortTermFormKey && Text(data["orderType"]) == ShortTermIssued)
            return new OrderFields(ProtectionOrderKind.ShortTerm, "orderIssuedAt", "orderDurationDays");
        if (formKey == settings.LongTermFormKey && Text(data["courtDecision"]) == CourtGranted)
            return new OrderFields(ProtectionOrderKind.LongTerm, "courtDecisionAt", "courtOrderDays");
        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static decimal? Number(JsonNode? node) => node switch
    {
        // Read from its JSON text: a value built in code (an int) does not convert like one parsed from a request.
        JsonValue value when value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ when Text(node) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A date (the start of that day in Baku), a date-time without offset (Baku time) or with one.</summary>
    private static DateTimeOffset? Moment(JsonNode? node)
    {
        if (Text(node) is not { } text) return null;
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), AzerbaijanTime.Offset);
        if (AzerbaijanTime.ParseLocal(text) is { } local) return local;
        return DateTimeOffset.TryParse(text, invariant, DateTimeStyles.None, out var moment) ? moment : null;
    }
}
