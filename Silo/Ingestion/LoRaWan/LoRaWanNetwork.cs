namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>The LoRaWAN network servers whose MQTT uplinks CampWater reads (docs/sensors.md).</summary>
public enum LoRaWanNetwork
{
    /// <summary>ChirpStack v4: <c>application/{applicationId}/device/{devEui}/event/up</c>.</summary>
    ChirpStack,

    /// <summary>The Things Stack v3: <c>v3/{appId}[@{tenant}]/devices/{deviceId}/up</c>.</summary>
    ThingsStack,
}
