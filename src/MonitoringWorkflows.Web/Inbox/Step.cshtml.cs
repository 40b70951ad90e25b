using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Forms;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>
/// One step: the case context its agency needs, then its form (rendered by form-js in the browser, checked again on the
/// server), or what was submitted once it is done. Claim and release work without script.
/// </summary>
public sealed class StepModel(InboxQueries queries, StepClaims claims, CaseViewAudit audit, IStringLocalizer<InboxText> text, TimeProvider time) : PageModel
{
    public StepView View { get; private set; } = null!;
    public InboxHolder Holder { get; private set; } = null!;
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(User) is not { } holder) return Forbid();
        if (await queries.FindAsync(holder, id, cancellationToken) is not { } view) return NotFound();
        (Holder, View) = (holder, view);
        // A step shows case data: it is a view of the case, recorded before the page is shown.
        await audit.RecordAsync(User, view.CaseRecord, CaseViewChannels.TaskPage, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostClaimAsync(long id, CancellationToken cancellationToken) =>
        ChangeClaimAsync(id, claims.ClaimAsync, cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken cancellationToken) =>
        ChangeClaimAsync(id, claims.ReleaseAsync, cancellationToken);

    /// <summary>The step's input as JSON for the form script; System.Text.Json escapes &lt; and &gt;, so it is safe in a script element.</summary>
    public string InputJson => View.Step.InputJson is { } json ? JsonSerializer.Serialize(JsonNode.Parse(json)) : "{}";

    public string SchemaJson => JsonSerializer.Serialize(JsonNode.Parse(View.FormSchemaJson!));

    /// <summary>What the process gave this step (its input mappings), name by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Given() =>
        View.Step.InputJson is { } json && JsonNode.Parse(json) is JsonObject input
            ? input.Select(p => new KeyValuePair<string, string>(p.Key, Display(p.Value))).ToList()
            : [];

    /// <summary>What was submitted, field by field, for a done step.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Submitted()
    {
        if (View.Step.OutputJson is not { } json || JsonNode.Parse(json) is not JsonObject output) return [];
        var schema = View.FormSchemaJson is { } form ? FormSchema.Parse(form) : FormSchema.Empty;
        return output.Select(p => new KeyValuePair<string, string>(schema.Field(p.Key)?.Label ?? p.Key, Display(p.Value))).ToList();
    }

    private static string Display(JsonNode? value) => value switch
    {
        null => "",
        JsonArray list => string.Join(", ", list.Select(Display)),
        JsonValue scalar when scalar.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private async Task<IActionResult> ChangeClaimAsync(long id, Func<InboxHolder, long, CancellationToken, Task<ClaimResult>> change,
        CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(User) is not { } holder) return Forbid();
        var result = await change(holder, id, cancellationToken);
        if (result.Outcome == ClaimOutcome.NotFound) return NotFound();
        TempData["Status"] = ClaimMessages.Of(result, text);
        return Redirect($"/inbox/{id}");
    }
}
