using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["quick", ..]) QuickCheck.Run();
        else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
