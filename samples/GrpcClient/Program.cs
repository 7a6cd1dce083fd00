// Lists the conditions and, optionally, the stretches safe for one of them, over gRPC.
// Usage: dotnet run --project samples/GrpcClient -- [address] [condition-slug]
using Grpc.Core;
using Grpc.Net.Client;
using SciaticaService.Contracts.V1;

var address = args.Length > 0 ? args[0] : "http://127.0.0.1:8081";
using var channel = GrpcChannel.ForAddress(address);
var content = new ContentService.ContentServiceClient(channel);

try
{
    var conditions = await content.ListConditionsAsync(new ListConditionsRequest());
    foreach (var condition in conditions.Conditions)
    {
        Console.WriteLine($"{condition.Slug,-28} {condition.Name}");
    }

    if (args.Length > 1)
    {
        var stretches = await content.ListStretchesAsync(new ListStretchesRequest { Condition = args[1], SafeFor = args[1] });
        Console.WriteLine();
        Console.WriteLine($"Stretches for {args[1]}:");
        foreach (var stretch in stretches.Stretches)
        {
            Console.WriteLine($"  {stretch.Difficulty} {stretch.Slug,-36} {stretch.Bias}");
        }
    }
}
catch (RpcException e)
{
    // The service puts a stable error code in the "error-code" trailer, the same code REST returns.
    Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail} (code {e.Trailers.GetValue("error-code")})");
    return 1;
}

return 0;
