global using CampWater.Alerts;
global using CampWater.Testing;
global using Xunit;
