using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MonitoringWorkflows.Web.Persistence;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks; it reads back in UTC (offset zero).</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
