namespace CampWater.Services;

/// <summary>Where a water quality test comes from: an online sensor over MQTT, or a person with a test kit.</summary>
public enum QualitySource
{
    Sensor,
    Field,
}
