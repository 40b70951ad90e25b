using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>The signed-in user's notifications, newest first, with the unread ones marked.</summary>
public sealed class IndexModel(NotificationList list, IStringLocalizer<NotificationsText> text) : PageModel
{
    public IReadOnlyList<NotificationRecord> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notifications = await list.NewestAsync(User, unreadOnly: false, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await list.MarkReadAsync(User, id, cancellationToken)) return NotFound();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var marked = await list.MarkAllReadAsync(User, cancellationToken);
        TempData["Status"] = text["MarkedAll", marked].Value;
        return RedirectToPage();
    }
}
