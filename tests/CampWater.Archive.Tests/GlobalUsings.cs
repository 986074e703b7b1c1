global using Xunit;
global using CampWater.Testing;

// The host tests measure latency and a 60-second outage: they run one at a time on a shared machine.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
