using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Designer.Validation;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>Every process and form with its state; create, import and export; the way into the designers.</summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class IndexModel(DefinitionList list, DraftStore drafts, DefinitionImport import, IStringLocalizer<DesignerText> text) : PageModel
{
    public IReadOnlyList<DefinitionState> Definitions { get; private set; } = [];

    /// <summary>Why the last import or creation was refused (shown above the forms).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(DefinitionKind kind, string? key, string? name, CancellationToken cancellationToken)
    {
        key = key?.Trim() ?? "";
        if (!DefinitionImport.KeyPattern().IsMatch(key)) return await RefusedAsync([text["Create_InvalidKey"]], cancellationToken);
        var title = string.IsNullOrWhiteSpace(name) ? key : name.Trim();
        if (await drafts.CreateAsync(kind, key, title, BlankDefinitions.Of(kind, key, title), DesignerApi.User(HttpContext), cancellationToken) is null)
            return await RefusedAsync([text["Create_Taken", key]], cancellationToken);
        TempData["Status"] = text["Create_Done", key].Value;
        return Redirect(DesignerPaths.Editor(kind, key));
    }

    public async Task<IActionResult> OnPostImportAsync(DefinitionKind kind, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return await RefusedAsync([text["Import_NoFile"]], cancellationToken);
        await using var stream = file.OpenReadStream();
        var outcome = await import.ImportAsync(kind, file.FileName, stream, DesignerApi.User(HttpContext), cancellationToken);
        if (outcome.Refused)
            return await RefusedAsync([text["Import_Refused"], .. outcome.Problems.Where(p => p.IsError).Select(Describe)], cancellationToken);
        TempData["Status"] = text["Import_Done", outcome.Key!].Value;
        return RedirectToPage();
    }

    private static string Describe(DesignerDiagnostic problem) =>
        problem.ElementId is null ? $"{problem.Code} {problem.Message}" : $"{problem.Code} [{problem.ElementId}] {problem.Message}";

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        Problems = problems;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Definitions = await list.AllAsync(cancellationToken);
}

/// <summary>Where a definition is edited and downloaded.</summary>
public static class DesignerPaths
{
    public static string Editor(DefinitionKind kind, string key) => $"/designer/{DesignerApi.Segment(kind)}/{Uri.EscapeDataString(key)}";

    public static string Export(DefinitionKind kind, string key, int version) =>
        $"/api/designer/{DesignerApi.Segment(kind)}/{Uri.EscapeDataString(key)}/export?version={version}";
}
