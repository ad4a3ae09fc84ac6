using System.Globalization;

namespace Ingest.Runner.Bench;

/// <summary>
/// Resident memory of a process as the operating system counts it (native allocations included), read from
/// <c>/proc/&lt;pid&gt;/status</c>: <c>VmHWM</c> is the peak so far, <c>VmRSS</c> the current size.
/// </summary>
public static class ProcessMemory
{
    /// <summary>The peak resident set of <paramref name="processId"/> in MB, or null when the OS does not say (not Linux, or exited).</summary>
    public static double? PeakRssMb(int processId) => ReadKilobytes($"/proc/{processId}/status", "VmHWM:") / 1024.0;

    public static double? CurrentRssMb(int processId) => ReadKilobytes($"/proc/{processId}/status", "VmRSS:") / 1024.0;

    /// <summary>This process's own peak, for a stage to report before it exits.</summary>
    public static double PeakRssMbOfThisProcess() =>
        PeakRssMb(Environment.ProcessId) ?? Environment.WorkingSet / (1024.0 * 1024.0);

    private static long? ReadKilobytes(string path, string field)
    {
        try
        {
            foreach (string line in File.ReadLines(path))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                string number = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process exited between two samples, or this is not Linux.
        }
        return null;
    }
}
