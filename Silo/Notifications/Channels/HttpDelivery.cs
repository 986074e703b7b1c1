using System.Net.Sockets;

namespace CampWater.Silo.Notifications.Channels;

/// <summary>One HTTP attempt for the channels that post: a 2xx is delivered; any other answer, a timeout or a network error is not.</summary>
internal static class HttpDelivery
{
    private const int MaxBodyRead = 1024;

    public static async Task<DeliveryAnswer> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            var body = await ReadSomeAsync(response, attempt.Token).ConfigureAwait(false);
            var detail = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(body.Length > 0 ? ": " + body : "")}";
            return response.IsSuccessStatusCode ? DeliveryAnswer.Accepted(detail) : DeliveryAnswer.Refused(detail);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAnswer.Refused($"no answer from {request.RequestUri?.GetLeftPart(UriPartial.Authority)} within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            var reason = e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.Message;
            return DeliveryAnswer.Refused($"{request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {reason}");
        }
    }

    // A gateway's answer can be large (a whole HTML error page); the log needs its beginning.
    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyRead];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += n;
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, read).Trim();
    }
}
