using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

/// <summary>
/// The test run page. Its script starts the run through the API, from (first found): BPMN XML posted to this page in
/// the form fields <c>xml</c> and <c>processKey</c> (with the antiforgery token); with <c>?draft=session</c>, XML the
/// designer left in sessionStorage under <c>mw.testRun.xml</c> (and <c>mw.testRun.processKey</c>); else a published
/// version named by <c>?process=key&amp;version=N</c> (the newest when no version is given).
/// </summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
[RequestSizeLimit(IndexModel.MaxXmlLength + 64 * 1024)]
[RequestFormLimits(ValueLengthLimit = IndexModel.MaxXmlLength)]
public sealed class IndexModel : PageModel
{
    /// <summary>Room for a large draft; the BPMN reader applies its own size limit when the run starts.</summary>
    private const int MaxXmlLength = 4 * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "process")]
    public string? Process { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    /// <summary><c>session</c>: the draft waits in the tab's sessionStorage.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Draft { get; set; }

    /// <summary>The draft posted by the designer, if any.</summary>
    public string? PostedXml { get; private set; }

    public string? PostedProcessKey { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost([FromForm] string? xml, [FromForm] string? processKey)
    {
        PostedXml = xml;
        PostedProcessKey = processKey;
        return Page();
    }
}
