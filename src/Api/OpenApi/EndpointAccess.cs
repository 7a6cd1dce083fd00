namespace SciaticaService.Api.OpenApi;

/// <summary>Who may call an endpoint, which decides its security requirement and some of its error statuses.</summary>
internal enum EndpointAccess
{
    /// <summary>No credential needed (content reads, the questionnaire).</summary>
    Anonymous,

    /// <summary>A person's own data: an app user's bearer token, or a partner's API key acting for a member.</summary>
    Person,

    /// <summary>Admins only: a bearer token with the admin role.</summary>
    Admin,

    /// <summary>Partner integrations only: an API key.</summary>
    Partner,
}
