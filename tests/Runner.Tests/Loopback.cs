using System.Net;
using System.Net.Sockets;

namespace Ingest.Runner.Tests;

/// <summary>Loopback addresses for tests of an upstream that is not there.</summary>
internal static class Loopback
{
    /// <summary>The base URL of a loopback port nothing listens on (the system's pick, released at once).</summary>
    public static string ClosedUpstream()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }
}
