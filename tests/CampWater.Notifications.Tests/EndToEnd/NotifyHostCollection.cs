namespace CampWater.Notifications.EndToEnd;

[CollectionDefinition(NotifyHostFixture.Collection)]
public sealed class NotifyHostCollection;
