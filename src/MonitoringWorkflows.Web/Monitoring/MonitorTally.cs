namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>What a tally row counts; stored as one letter.</summary>
public enum TallyKind
{
    /// <summary>A sequence flow taken (<see cref="MonitorTally.ElementId"/> is the flow).</summary>
    Flow = 'F',

    /// <summary>An element completed.</summary>
    Completed = 'C',

    /// <summary>An element completed after a measured stay: <see cref="MonitorTally.Bucket"/> is the stay's histogram bucket.</summary>
    Stay = 'S',

    /// <summary>A case's referral process started: <see cref="MonitorTally.Bucket"/> is the month (yyyymm, Baku time).</summary>
    Opened = 'O',

    /// <summary>A case's referral process ended: <see cref="MonitorTally.Bucket"/> is the month (yyyymm, Baku time).</summary>
    Closed = 'X',
}

/// <summary>
/// One count of the process monitor and the dashboard's monthly chart, kept per district and definition version and
/// folded in from the journal by <see cref="TallyCatchUp"/>: the monitor reads a few hundred of these rows instead of
/// aggregating millions of journal entries per request.
/// </summary>
public sealed class MonitorTally
{
    /// <summary>The district of the instance's case (from the case number's district code); 0 for an instance without one.</summary>
    public int DistrictId { get; set; }
    public long DefinitionVersionId { get; set; }
    public TallyKind Kind { get; set; }

    /// <summary>The element or flow; empty for the monthly kinds.</summary>
    public string ElementId { get; set; } = "";
    public int Bucket { get; set; }
    public long Count { get; set; }

    /// <summary>For <see cref="TallyKind.Stay"/>: the summed stays in ticks, for the average.</summary>
    public long TicksSum { get; set; }
}

/// <summary>How far the journal has been folded into the tallies: every entry with a smaller or equal id is counted.</summary>
public sealed class MonitorMark
{
    public int Id { get; set; }
    public long LastJournalId { get; set; }
}
