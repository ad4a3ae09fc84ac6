namespace Ingest.Simulator;

/// <summary>The error descriptions the inventory endpoint answers with.</summary>
internal static class InventoryErrors
{
    public static string UnknownZip(string? zip) => $"Invalid zip code: '{zip}'. Please enter a valid 5-digit US zip code.";

    public static string InvalidParameter(string name, string? value) => $"Invalid value '{value}' for parameter '{name}'.";
}
