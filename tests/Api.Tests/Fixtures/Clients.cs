using System.Net.Http.Headers;
using System.Net.Http.Json;
using SciaticaService.Api.Admin;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>HTTP clients for each kind of caller.</summary>
public static class Clients
{
    public static HttpClient Bearer(this ApiFixture fixture, string token)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient Admin(this ApiFixture fixture) => fixture.Bearer(TestTokens.For("root", "admin"));

    public static HttpClient Partner(this ApiFixture fixture, string apiKey, string? memberId = null)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        if (memberId is not null)
        {
            client.DefaultRequestHeaders.Add("x-member-id", memberId);
        }

        return client;
    }

    /// <summary>Creates a partner through the admin API and returns it with its key.</summary>
    public static async Task<CreatedPartnerResponse> CreatePartnerAsync(this ApiFixture fixture, string name)
    {
        using var admin = fixture.Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/admin/partners", new CreatePartnerRequest(name));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedPartnerResponse>())!;
    }
}
