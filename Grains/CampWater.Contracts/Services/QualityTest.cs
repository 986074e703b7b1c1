using System.Collections.Immutable;
using CampWater.Alerts;

namespace CampWater.Services;

/// <summary>
/// A recorded water quality test, as the API lists it: its figures, where and by whom, and what was out of
/// the camp's limits when it was recorded (<see cref="Problems"/>, alert kinds; empty when <see cref="Ok"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.QualityTest")]
public sealed record QualityTest(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset Ts,
    [property: Id(2)] string? TankId,
    [property: Id(3)] string? PointId,
    [property: Id(4)] double? FrcMgL,
    [property: Id(5)] double? TurbidityNtu,
    [property: Id(6)] double? Ph,
    [property: Id(7)] double? EcoliCfu,
    [property: Id(8)] QualitySource Source,
    [property: Id(9)] string By,
    [property: Id(10)] bool Ok,
    [property: Id(11)] ImmutableArray<AlertKind> Problems,
    [property: Id(12)] string? Note);
