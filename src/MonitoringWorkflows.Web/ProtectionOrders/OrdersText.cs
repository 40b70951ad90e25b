namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>The resource for the protection orders page and the expiry notices.</summary>
public sealed class OrdersText;
