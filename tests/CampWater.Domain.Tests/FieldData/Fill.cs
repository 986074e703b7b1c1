namespace CampWater.FieldData;

/// <summary>A truck or pump filling the tank from a camp-local hour of every day, until it has given its litres or the tank is full.</summary>
internal sealed record Fill(double StartHour, double Hours, double Litres);
