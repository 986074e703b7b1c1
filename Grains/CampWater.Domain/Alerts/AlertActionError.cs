namespace CampWater.Alerts;

/// <summary>Why a manual action on an alert was refused: the API answers 404 and 409 for these.</summary>
public enum AlertActionError
{
    None,
    NotFound,
    Conflict,
}
