using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sap.Domain.Time;

public static class TimeHostingExtensions
{
    public const string TimeZoneSetting = "Sap:BusinessTimeZone";

    /// <summary>The business calendar (<c>Sap:BusinessTimeZone</c>, default America/Sao_Paulo) and the clock.</summary>
    /// <exception cref="InvalidSettingsException">The time zone is unknown on this machine.</exception>
    public static IHostApplicationBuilder AddBusinessCalendar(this IHostApplicationBuilder builder)
    {
        var id = builder.Configuration[TimeZoneSetting];
        builder.Services.AddSingleton(CalendarFor(string.IsNullOrWhiteSpace(id) ? BusinessCalendar.DefaultTimeZoneId : id.Trim()));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    private static BusinessCalendar CalendarFor(string id)
    {
        try
        {
            return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidSettingsException($"{TimeZoneSetting}: '{id}' is not a time zone known to this machine.", e);
        }
    }
}
