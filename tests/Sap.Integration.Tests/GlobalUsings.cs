global using System.Globalization;
global using Sap.Integration.Tests.Infrastructure;
