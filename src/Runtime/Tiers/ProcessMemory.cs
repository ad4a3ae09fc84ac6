using System.Globalization;

namespace Ingest.Tiers;

/// <summary>
/// What the operating system counts for a process, native allocations included, from <c>/proc/&lt;pid&gt;/status</c>
/// and <c>/proc/&lt;pid&gt;/stat</c> (Linux; null elsewhere, or once the process has exited): <c>VmHWM</c> is the peak
/// resident set so far, <c>VmRSS</c> the current one, and <c>minflt</c> the page faults served without I/O, each the
/// first touch of a page (or of a page given back to the system and touched again).
/// </summary>
public static class ProcessMemory
{
    /// <summary>The peak resident set of <paramref name="processId"/> in MB, or null when the OS does not say (not Linux, or exited).</summary>
    public static double? PeakRssMb(int processId) => ReadKilobytes($"/proc/{processId}/status", "VmHWM:") / 1024.0;

    public static double? CurrentRssMb(int processId) => ReadKilobytes($"/proc/{processId}/status", "VmRSS:") / 1024.0;

    /// <summary>This process's own peak, for a stage to report before it exits.</summary>
    public static double PeakRssMbOfThisProcess() =>
        PeakRssMb(Environment.ProcessId) ?? Environment.WorkingSet / (1024.0 * 1024.0);

    /// <summary>
    /// The minor page faults of <paramref name="processId"/> so far, or null when the OS does not say. Each costs a trap
    /// into the kernel, which on some virtual machines is most of what touching fresh memory costs.
    /// </summary>
    public static long? MinorPageFaults(int processId)
    {
        try
        {
            return MinorFaultsFromStat(File.ReadAllText($"/proc/{processId}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>minflt</c> from a <c>/proc/&lt;pid&gt;/stat</c> line, "pid (comm) state ppid pgrp session tty_nr tpgid flags
    /// minflt …": comm may hold spaces and parentheses, so the fields are counted from the last ')'.
    /// </summary>
    internal static long? MinorFaultsFromStat(string stat)
    {
        int commEnd = stat.LastIndexOf(')');
        string[] fields = stat[(commEnd + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return commEnd > 0 && fields.Length > 7 && long.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out long faults) ? faults : null;
    }

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
