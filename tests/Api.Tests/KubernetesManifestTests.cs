using System.Net;
using System.Text.RegularExpressions;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>
/// deploy/k8s agrees with the service: the ports the image listens on, and probe paths the service answers. (The
/// manifests' schema is checked with kubectl where a cluster is at hand; docs/operations.md says how.)
/// </summary>
public partial class KubernetesManifestTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Manifest(string name) => File.ReadAllText(Path.Combine(Repository.Root, "deploy", "k8s", name));

    [Fact]
    public void The_deployment_exposes_the_ports_the_image_listens_on()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Repository.Root, "Dockerfile"));
        var deployment = Manifest("deployment.yaml");
        var rest = Port().Match(dockerfile, dockerfile.IndexOf("Rest__Url", StringComparison.Ordinal)).Groups[1].Value;
        var grpc = Port().Match(dockerfile, dockerfile.IndexOf("Grpc__Url", StringComparison.Ordinal)).Groups[1].Value;

        Assert.Matches($@"- name: rest\s+containerPort: {rest}\b", deployment);
        Assert.Matches($@"- name: grpc\s+containerPort: {grpc}\b", deployment);
        Assert.Matches($@"grpc:\s+port: {grpc}\b", deployment);
        Assert.Contains($"prometheus.io/port: \"{rest}\"", deployment, StringComparison.Ordinal);
        Assert.Matches(@"targetPort: rest[\s\S]*targetPort: grpc", Manifest("service.yaml"));
    }

    [Fact]
    public async Task Every_probe_path_in_the_deployment_is_answered()
    {
        var paths = ProbePath().Matches(Manifest("deployment.yaml")).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(["/health/live", "/health/ready"], paths.Order());
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public void Kustomization_lists_every_manifest_but_the_example_secret()
    {
        var kustomization = Manifest("kustomization.yaml");
        var manifests = Directory.GetFiles(Path.Combine(Repository.Root, "deploy", "k8s"), "*.yaml")
            .Select(Path.GetFileName)
            .Where(name => name is not "kustomization.yaml" and not "secret.example.yaml");

        Assert.All(manifests, name => Assert.Contains($"  - {name}", kustomization, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"http://0\.0\.0\.0:(\d+)")]
    private static partial Regex Port();

    [GeneratedRegex(@"path: (/health/\w+)")]
    private static partial Regex ProbePath();
}
