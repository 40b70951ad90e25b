namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>The <c>ProtectionOrders</c> settings: how long an order may last, and when its end is announced.</summary>
public sealed class ProtectionOrderOptions
{
    public const string Section = "ProtectionOrders";

    /// <summary>The law's ceiling for a short-term order; a setting may only lower it.</summary>
    public const int ShortTermCeilingDays = 60;
    public const int LongTermMinDays = 60;
    public const int LongTermMaxDays = 180;

    /// <summary>The longest short-term order the police may record here (at most <see cref="ShortTermCeilingDays"/>).</summary>
    public int ShortTermMaxDays { get; set; } = ShortTermCeilingDays;

    /// <summary>How many days before an order ends its chair and holder agency are told (once).</summary>
    public int ReminderDaysBefore { get; set; } = 7;

    /// <summary>
    /// The form keys of the steps that record orders. The catch-up's index on completed order steps holds these two keys
    /// (<see cref="CompletedOrderSteps"/>): other keys work, but without that index, so changing them needs a migration.
    /// </summary>
    public string ShortTermFormKey { get; set; } = DefaultShortTermFormKey;
    public string LongTermFormKey { get; set; } = DefaultLongTermFormKey;

    public const string DefaultShortTermFormKey = "protection-order";
    public const string DefaultLongTermFormKey = "court-order";

    public int ShortTermLimit => Math.Clamp(ShortTermMaxDays, 1, ShortTermCeilingDays);
}
