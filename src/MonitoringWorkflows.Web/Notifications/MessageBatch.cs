using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// Up to <see cref="NotificationDelivery.BatchSize"/> waiting <c>notification</c> outbox messages delivered in one
/// transaction: one durable commit for the batch instead of one a message, which under a backlog held the write gate
/// (shared with the users' writes) for a commit each. The messages are read with their case numbers in one query, the
/// districts of those cases in a second, and the holders once per (district, agency, role) of the batch.
/// </summary>
internal sealed class MessageBatch(WorkflowDbContext db, DateTimeOffset now, ILogger logger)
{
    /// <summary>Claims and tells one batch; <c>More</c> when the batch was full, so another may be waiting.</summary>
    public async Task<((int Written, bool More), Outgoing?)> DeliverAsync(CancellationToken cancellationToken)
    {
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.ProcessedAt == null && o.Kind == NotificationDelivery.OutboxKind)
            .OrderBy(o => o.Id).Take(NotificationDelivery.BatchSize)
            .Select(o => new WaitingMessage(o.Id, o.InstanceId, o.PayloadJson, o.Instance!.BusinessKey))
            .ToListAsync(cancellationToken);
        if (messages.Count == 0 || !await ClaimAsync(messages, cancellationToken)) return ((0, false), null);
        var districts = await DistrictsAsync(messages, cancellationToken);
        var (told, recipients) = (new Outgoing(db, now), new Recipients(db, now));
        foreach (var message in messages) await TellAsync(message, districts, told, recipients, cancellationToken);
        // Committed even when it told no one: the claimed messages stay processed.
        return ((told.Written.Count, messages.Count == NotificationDelivery.BatchSize), told);
    }

    /// <summary>Marks the batch processed, only the messages no one else processed since they were read.</summary>
    private async Task<bool> ClaimAsync(List<WaitingMessage> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.Id).ToList();
        var claimed = await db.OutboxMessages.Where(o => ids.Contains(o.Id) && o.ProcessedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.ProcessedAt, now), cancellationToken);
        if (claimed == messages.Count) return true;
        // The read and the claim share one write transaction (Microsoft.Data.Sqlite begins IMMEDIATE), so another
        // delivery cannot claim in between; should it have anyway, the batch is rolled back and left to the next pass
        // rather than guessing which messages are still this delivery's to tell.
        logger.LogWarning("Outbox batch from message {First}: claimed {Claimed} of {Read}; left to the next pass.",
            messages[0].Id, claimed, messages.Count);
        return false;
    }

    private async Task<Dictionary<string, int>> DistrictsAsync(List<WaitingMessage> messages, CancellationToken cancellationToken)
    {
        var numbers = messages.Select(m => m.CaseNumber).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var cases = await db.Cases.Where(c => numbers.Contains(c.Number))
            .Select(c => new { c.Number, c.DistrictId }).ToListAsync(cancellationToken);
        return cases.ToDictionary(c => c.Number, c => c.DistrictId, StringComparer.Ordinal);
    }

    private async Task TellAsync(WaitingMessage message, Dictionary<string, int> districts, Outgoing told, Recipients recipients,
        CancellationToken cancellationToken)
    {
        if (!TryParse(message, out var payload)) return;
        var (agency, role, subject) = (Text(payload, "agency"), Text(payload, "role"), Text(payload, "subject"));
        int? districtId = message.CaseNumber is { } number && districts.TryGetValue(number, out var found) ? found : null;
        if (districtId is null || subject is null || (agency is null && role is null))
        {
            logger.LogWarning("Outbox message {Id} of instance {Instance} told nobody: case {Case} has no district or the message names no one.",
                message.Id, message.InstanceId, message.CaseNumber);
            return;
        }
        var holders = await recipients.HoldersAsync(districtId.Value, agency, role, cancellationToken);
        told.Tell(holders, NotificationKind.Message, subject, Text(payload, "text"), message.CaseNumber,
            Outgoing.CaseLink(message.CaseNumber), null, $"outbox:{message.Id}");
    }

    /// <summary>
    /// The message's payload; a payload that is not JSON is logged as an error and the message stays processed (claimed
    /// with its batch): retrying it could never succeed, and failing the batch for it would hold up every message after it.
    /// </summary>
    private bool TryParse(WaitingMessage message, out JsonObject? payload)
    {
        try
        {
            payload = JsonNode.Parse(message.PayloadJson) as JsonObject;
            return true;
        }
        catch (JsonException failure)
        {
            logger.LogError(failure, "Outbox message {Id} of instance {Instance} told nobody: its payload is not JSON. Marked processed, not retried.",
                message.Id, message.InstanceId);
            payload = null;
            return false;
        }
    }

    private static string? Text(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private sealed record WaitingMessage(long Id, long InstanceId, string PayloadJson, string? CaseNumber);
}
