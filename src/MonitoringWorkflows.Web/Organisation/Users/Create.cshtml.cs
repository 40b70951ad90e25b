using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Organisation.Users;

/// <summary>
/// An administrator creates an account (there is no self-registration). The temporary password is shown in this
/// one response and nowhere else; its holder must change it at first sign-in.
/// </summary>
public sealed class CreateModel(
    UserManager<ApplicationUser> users, WorkflowDbContext db, TimeProvider time, IStringLocalizer<OrganisationText> text) : PageModel
{
    [BindProperty]
    public CreateUserInput Input { get; set; } = new();

    public IReadOnlyList<District> Districts { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>Set once the account exists: the one time its temporary password is shown.</summary>
    public (string Email, string Password)? Created { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        CheckMembership();
        if (!ModelState.IsValid) return Page();
        var password = TemporaryPassword.Create();
        var user = new ApplicationUser
        {
            UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, DisplayName = Input.DisplayName,
            DistrictId = Input.DistrictId, AgencyCode = NullIfEmpty(Input.AgencyCode), MustChangePassword = true,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Input.Role);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Email", error.Description);
            return Page();
        }
        Created = (Input.Email, password);
        return Page();
    }

    private void CheckMembership()
    {
        if (!Roles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", text["Users_UnknownRole"]);
            return;
        }
        if (Input.DistrictId is int id && Districts.All(d => d.Id != id))
            ModelState.AddModelError("Input.DistrictId", text["Users_UnknownDistrict"]);
        if (NullIfEmpty(Input.AgencyCode) is { } code && Agencies.All(a => a.Code != code))
            ModelState.AddModelError("Input.AgencyCode", text["Users_UnknownAgency"]);
        foreach (var error in Membership.Check(Input.Role, Input.DistrictId, NullIfEmpty(Input.AgencyCode)))
            ModelState.AddModelError(error.Field == Membership.DistrictField ? "Input.DistrictId" : "Input.AgencyCode",
                text[$"Membership_{error.Code}"]);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

public sealed class CreateUserInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_TooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    public string Role { get; set; } = "";

    public int? DistrictId { get; set; }

    [StringLength(100, ErrorMessage = "Validation_TooLong")]
    public string? AgencyCode { get; set; }
}
