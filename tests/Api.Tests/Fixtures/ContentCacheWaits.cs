using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Api.Tests.Fixtures;

public static class ContentCacheWaits
{
    /// <summary>A host's content listener connects in the background; tests about caching wait for it.</summary>
    public static async Task WaitUntilContentCacheListensAsync(this IServiceProvider services)
    {
        var cache = services.GetRequiredService<ContentCache>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!cache.IsListening)
        {
            Assert.True(DateTime.UtcNow < deadline, "the content change listener did not connect within 15 s");
            await Task.Delay(20);
        }
    }
}
