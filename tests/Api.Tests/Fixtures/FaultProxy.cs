using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// A TCP proxy in front of the test database that the fault tests can cut and restore: cut, it resets every open
/// connection and refuses new ones, as a stopped server's port does; restored, it forwards again on the same port.
/// It works whatever provides the database (a local cluster, a container, <c>SCIATICA_TEST_POSTGRES</c>), so the
/// fault tests always run.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    private FaultProxy(string targetHost, int targetPort, int port)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts a proxy to the server of <paramref name="connectionString"/>, which must be a TCP address.</summary>
    public static FaultProxy Start(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (target.Host is not { Length: > 0 } host || host.StartsWith('/') || host.Contains(',', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The fault tests reach the database through a TCP proxy; '{target.Host}' is not one TCP host.");
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var proxy = new FaultProxy(host, target.Port, ((IPEndPoint)probe.LocalEndpoint).Port);
        probe.Stop();
        proxy.Restore();
        return proxy;
    }

    /// <summary>The same database, reached through this proxy.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>The database goes away: open connections are reset, new ones refused.</summary>
    public async Task CutAsync()
    {
        _listener?.Stop();
        _listener = null;
        await _accepting;
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    /// <summary>The database is back on the same port.</summary>
    public void Restore()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // cut
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    // A reset, not a clean close: the client learns at once that the connection is gone.
    private void Reset(Socket socket)
    {
        if (!_open.TryRemove(socket, out _))
        {
            return;
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync() => await CutAsync();
}
