namespace CampWater.Ui;

/// <summary>One host and one browser for every UI test class: starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiHostFixture>
{
    public const string Name = "ui";
}
