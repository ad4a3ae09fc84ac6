namespace Ingest.Simulator;

/// <summary>Fields of the vehicle record that may be null; a bit per field in <see cref="VehicleSpelling.AbsentFields"/>.</summary>
internal enum OptionalField
{
    Msrp, Destination, NetPrice, EmployeePrice, DiscountedPrice,
    InteriorFabric, PackageDesc, CityMpg, HighwayMpg, Horsepower, Torque, TowingCapacity, Mileage,
    StockNumber, WarrantyDesc, ExteriorColorHex, ProductionDate, DealerNotes, EvRange, FuelCapacity, Wheelbase,
    AssumedModelYearCode, InTransit, DateInStock, EstimatedDeliveryDate, Incentives, IsDemo, HasOnlinePrice,
}
