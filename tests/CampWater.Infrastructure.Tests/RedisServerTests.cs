using System.Net.Sockets;
using System.Text;
using CampWater.Testing;

namespace CampWater.Infrastructure.Tests;

public sealed class RedisServerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Redis_answers_PING_with_PONG_on_its_connection_string()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false, cancellationToken: Cancellation);

        var reply = await SendAsync(redis, "PING\r\n");

        Assert.Equal("+PONG\r\n", reply);
        Assert.Equal($"127.0.0.1:{redis.Port}", redis.ConnectionString);
    }

    [Fact]
    public async Task An_append_only_Redis_keeps_a_written_key_through_a_kill_and_restart()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: true, cancellationToken: Cancellation);
        Assert.Equal("+OK\r\n", await SendAsync(redis, "SET tank:t1 1200\r\n"));

        redis.Kill();
        await redis.StartAgainAsync(Cancellation);

        Assert.Equal("$4\r\n1200\r\n", await SendAsync(redis, "GET tank:t1\r\n"));
    }

    private static async Task<string> SendAsync(RedisServer redis, string inlineCommand)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(redis.Host, redis.Port, Cancellation);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(inlineCommand), Cancellation);
        var buffer = new byte[256];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
