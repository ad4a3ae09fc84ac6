using System.Runtime.InteropServices;
using Ingest.Tiers;

namespace Ingest.Tiers.Tests;

/// <summary>The process counters stage reports carry: minor page faults from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
public sealed class ProcessMemoryTests
{
    [Theory]
    [InlineData("4242 (dotnet) S 1 4242 4242 0 -1 4194560 98765 0 12 0 155 31", 98_765)]
    // A command name may hold spaces and parentheses: the fields count from the last ')'.
    [InlineData("4242 (a (b) c)) R 1 4242 4242 0 -1 4194560 7 0 0 0 1 2", 7)]
    public void Minor_faults_are_the_tenth_field_of_a_stat_line(string stat, long expected) =>
        Assert.Equal(expected, ProcessMemory.MinorFaultsFromStat(stat));

    [Theory]
    [InlineData("")]
    [InlineData("4242 (dotnet) S 1 4242")]
    [InlineData("4242 (dotnet) S 1 4242 4242 0 -1 4194560 many 0 0 0 1 2")]
    public void A_stat_line_without_the_field_gives_no_count(string stat) =>
        Assert.Null(ProcessMemory.MinorFaultsFromStat(stat));

    [Fact]
    public void Touching_fresh_memory_raises_this_process_count()
    {
        if (!OperatingSystem.IsLinux()) return; // the counters come from /proc
        const int pageBytes = 4096;
        const int pages = 4096; // 16 MiB: the C library maps it fresh from the kernel
        IntPtr memory = Marshal.AllocHGlobal(pages * pageBytes);
        try
        {
            long before = ProcessMemory.MinorPageFaults(Environment.ProcessId)!.Value;
            for (int page = 0; page < pages; page++) Marshal.WriteByte(memory, page * pageBytes, 1);
            long after = ProcessMemory.MinorPageFaults(Environment.ProcessId)!.Value;
            // One fault a page, or one per huge page where the kernel backs the mapping with them.
            Assert.True(after - before >= pages * pageBytes / (2 * 1024 * 1024), $"{after - before} faults for {pages} fresh pages");
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void A_process_that_does_not_exist_has_no_count() =>
        Assert.Null(ProcessMemory.MinorPageFaults(int.MaxValue));
}
