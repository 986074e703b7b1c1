namespace CampWater.Load;

/// <summary>The shapes a reading can be published in (docs/sensors.md).</summary>
public enum PayloadFormat
{
    /// <summary><c>campwater/{camp}/tanks/{tank}/level</c> with the native JSON.</summary>
    Native,

    /// <summary>A ChirpStack v4 uplink event, the tank found by its devEui.</summary>
    ChirpStack,

    /// <summary>A The Things Stack v3 uplink, the tank found by <c>end_device_ids.dev_eui</c>.</summary>
    TheThingsStack,
}
