using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CampWater.Testing;

/// <summary>
/// A real HTTP server inside the test (Kestrel on 127.0.0.1 and a free port) that records every request
/// and answers what the test says: a webhook receiver, an SMS gateway. <see cref="Answer"/> decides the
/// status of each request from its number (1 for the first); default 200.
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly WebApplication _app;
    private int _count;

    private HttpReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The status for the n-th request (1-based) and the request itself.</summary>
    public Func<int, ReceivedRequest, int> Answer { get; set; } = (_, _) => 200;

    /// <summary>The body of every answer.</summary>
    public string AnswerBody { get; set; } = "{\"ok\":true}";

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<HttpReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new HttpReceiver(app, port);
        app.Run(receiver.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have come.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.Count < count)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The HTTP receiver on {Url} got {_received.Count} of {count} requests within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var n = Interlocked.Increment(ref _count);
        var request = new ReceivedRequest(DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body.ToArray(), 0);
        var status = Answer(n, request);
        _received.Enqueue(request with { Answered = status });
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(AnswerBody).ConfigureAwait(false);
    }
}
