using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// Sits between a test's HttpClient and the service: checks every response against the OpenAPI document as it
/// passes, and remembers which operations answered with which statuses.
/// </summary>
public sealed class ContractRecorder(OpenApiResponseValidator validator)
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<int>> _seen = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>Operation (<c>METHOD template</c>) to the statuses it answered.</summary>
    public IReadOnlyDictionary<string, ConcurrentBag<int>> Seen => _seen;

    public HttpClient Client(SciaticaApiFactory factory, Action<HttpRequestHeaders>? headers = null)
    {
        var client = factory.CreateDefaultClient(new Handler(this));
        headers?.Invoke(client.DefaultRequestHeaders);
        return client;
    }

    private async Task RecordAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var operation = validator.OperationOf(request.Method, request.RequestUri!.AbsolutePath);
        if (operation is null)
        {
            _problems.Enqueue($"{request.Method} {request.RequestUri.AbsolutePath}: no operation in the document");
            return;
        }

        var status = (int)response.StatusCode;
        _seen.GetOrAdd(operation, _ => []).Add(status);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key));
        foreach (var problem in validator.Validate(operation, status, response.Content.Headers.ContentType?.MediaType, headers, body))
        {
            _problems.Enqueue(problem);
        }
    }

    private sealed class Handler(ContractRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            await recorder.RecordAsync(request, response);
            return response;
        }
    }
}
