using System.Runtime.CompilerServices;

namespace Ingest.Simulator;

/// <summary>Up to three <see cref="IncentiveDraw"/>s inline in a <see cref="VehicleDetail"/> (no array per vehicle).</summary>
[InlineArray(VehicleDetail.MaxIncentives)]
internal struct IncentiveDraws
{
    private IncentiveDraw _first;
}
