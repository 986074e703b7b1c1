using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CampWater;

public static class GrainStateSerialization
{
    /// <summary>
    /// Grain state is stored in Orleans' own binary format: it keeps exactly what the
    /// <c>[GenerateSerializer]</c> types declare, private fields included, and is compact for Redis.
    /// </summary>
    public static ISiloBuilder UseCampWaterStateSerializer(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return silo;
    }
}
