using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MonitoringWorkflows.Bench;

/// <summary>
/// CPU time, which the other work on a shared machine does not inflate the way it inflates wall-clock time:
/// a measured loop reports both, so a figure taken while other processes compete for the cores still says what
/// one core of its own would do.
/// </summary>
internal static partial class CpuClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    /// <summary>CPU time used by the calling thread (nanosecond resolution on Linux; the whole process elsewhere).</summary>
    public static TimeSpan Thread()
    {
        if (!OperatingSystem.IsLinux()) return Process();
        return clock_gettime(ClockThreadCpuTime, out var time) == 0
            ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100)
            : Process();
    }

    /// <summary>CPU time used by every thread of the process (the GC's and the JIT's too).</summary>
    public static TimeSpan Process()
    {
        using var current = System.Diagnostics.Process.GetCurrentProcess();
        return current.TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
