global using Xunit;
global using CampWater.Testing;
