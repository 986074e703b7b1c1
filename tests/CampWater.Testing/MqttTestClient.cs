using System.Buffers;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CampWater.Testing;

/// <summary>
/// An MQTT client for tests: publishes readings and collects what arrives on its subscriptions, so a
/// test can wait for the message it expects.
/// </summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly List<ReceivedMqttMessage> messages = [];
    private readonly Lock gate = new();
    private TaskCompletionSource received = NewSignal();
    private (string Host, int Port, MqttTestClientOptions Options) connection;

    private MqttTestClient(IMqttClient client, string clientId)
    {
        Client = client;
        ClientId = clientId;
        // Attached before connecting, so the messages a persistent session queued are not missed.
        client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            Add(new ReceivedMqttMessage(
                message.Topic,
                message.Payload.ToArray(),
                message.QualityOfServiceLevel,
                message.Retain,
                DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        };
    }

    /// <summary>The underlying MQTTnet client, for what this class does not wrap.</summary>
    public IMqttClient Client { get; }

    public string ClientId { get; }

    public bool IsConnected => Client.IsConnected;

    /// <summary>Whether the broker still had this client's session at the last connect.</summary>
    public bool SessionPresent { get; private set; }

    /// <summary>A snapshot of every message received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMqttMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    public static Task<MqttTestClient> ConnectAsync(
        MosquittoServer server,
        MqttTestClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        return ConnectAsync(server.Host, server.Port, options, cancellationToken);
    }

    public static async Task<MqttTestClient> ConnectAsync(
        string host,
        int port,
        MqttTestClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new MqttTestClientOptions();
        var clientId = options.ClientId ?? $"test-{Guid.NewGuid():N}";
        var client = new MqttTestClient(new MqttClientFactory().CreateMqttClient(), clientId);
        try
        {
            await client.ConnectCoreAsync(host, port, options, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Client.Dispose();
            throw;
        }
    }

    /// <summary>Subscribes and fails unless the broker granted the subscription.</summary>
    public async Task SubscribeAsync(
        string topicFilter,
        MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtLeastOnce,
        CancellationToken cancellationToken = default)
    {
        var result = await Client.SubscribeAsync(topicFilter, qualityOfService, cancellationToken).ConfigureAwait(false);
        var refused = result.Items.Where(item => item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException(
                $"The broker refused the subscription to '{topicFilter}': {string.Join(", ", refused.Select(item => item.ResultCode))}.");
        }
    }

    public async Task PublishAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtLeastOnce,
        bool retain = false,
        CancellationToken cancellationToken = default)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayloadSegment(payload)
            .WithQualityOfServiceLevel(qualityOfService)
            .WithRetainFlag(retain)
            .Build();
        var result = await Client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        // "No matching subscribers" is a success: nobody listening is not the publisher's failure.
        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            throw new InvalidOperationException($"Publishing to '{topic}' failed: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public Task PublishStringAsync(
        string topic,
        string payload,
        MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtLeastOnce,
        bool retain = false,
        CancellationToken cancellationToken = default) =>
        PublishAsync(topic, Encoding.UTF8.GetBytes(payload), qualityOfService, retain, cancellationToken);

    /// <summary>Publishes <paramref name="value"/> serialized with <see cref="JsonSerializerOptions.Web"/> (camelCase) unless told otherwise.</summary>
    public Task PublishJsonAsync<T>(
        string topic,
        T value,
        MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtLeastOnce,
        bool retain = false,
        JsonSerializerOptions? jsonOptions = null,
        CancellationToken cancellationToken = default) =>
        PublishAsync(
            topic,
            JsonSerializer.SerializeToUtf8Bytes(value, jsonOptions ?? JsonSerializerOptions.Web),
            qualityOfService,
            retain,
            cancellationToken);

    /// <summary>The first message, received before or during the wait, that matches.</summary>
    public async Task<ReceivedMqttMessage> WaitForAsync(
        Func<ReceivedMqttMessage, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var found = await WaitForCountAsync(1, predicate, timeout, cancellationToken).ConfigureAwait(false);
        return found[0];
    }

    /// <summary>Waits until at least <paramref name="count"/> received messages match, and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedMqttMessage>> WaitForCountAsync(
        int count,
        Func<ReceivedMqttMessage, bool>? predicate = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        predicate ??= _ => true;
        var limit = timeout ?? DefaultWait;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        while (true)
        {
            Task next;
            List<ReceivedMqttMessage> matching;
            lock (gate)
            {
                matching = messages.Where(predicate).ToList();
                next = received.Task;
            }

            if (matching.Count >= count)
            {
                return matching;
            }

            try
            {
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"MQTT client '{ClientId}' saw {matching.Count} of {count} expected messages within {limit.TotalSeconds:0.#} s. " +
                    $"Connected: {IsConnected}. Received: {DescribeReceived()}");
            }
        }
    }

    public void ClearMessages()
    {
        lock (gate)
        {
            messages.Clear();
        }
    }

    /// <summary>Connects again with the same options, after a disconnect or a broker restart.</summary>
    public Task ReconnectAsync(CancellationToken cancellationToken = default) =>
        ConnectCoreAsync(connection.Host, connection.Port, connection.Options, cancellationToken);

    /// <summary>A clean disconnect; a persistent session stays on the broker.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        if (Client.IsConnected)
        {
            await Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await DisconnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            // The broker may already be gone (a crash test); nothing to disconnect from.
        }
        finally
        {
            Client.Dispose();
        }
    }

    private async Task ConnectCoreAsync(string host, int port, MqttTestClientOptions options, CancellationToken cancellationToken)
    {
        connection = (host, port, options);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(ClientId)
            .WithProtocolVersion(options.ProtocolVersion)
            .WithCleanSession(options.CleanSession)
            .WithTimeout(options.ConnectTimeout);
        if (options.ProtocolVersion == MqttProtocolVersion.V500)
        {
            builder.WithSessionExpiryInterval(options.SessionExpirySeconds ?? (options.CleanSession ? 0 : uint.MaxValue));
        }

        if (options.Username is not null)
        {
            builder.WithCredentials(options.Username, options.Password);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var result = await Client.ConnectAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"MQTT connect to {host}:{port} as '{ClientId}' failed: {result.ResultCode} {result.ReasonString}");
        }

        SessionPresent = result.IsSessionPresent;
    }

    private void Add(ReceivedMqttMessage message)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            messages.Add(message);
            signal = received;
            received = NewSignal();
        }

        signal.TrySetResult();
    }

    private string DescribeReceived()
    {
        var snapshot = Messages;
        if (snapshot.Count == 0)
        {
            return "nothing.";
        }

        var shown = snapshot.TakeLast(20).Select(message => "\n  " + message);
        return $"{snapshot.Count} message(s){(snapshot.Count > 20 ? ", the last 20" : "")}:{string.Concat(shown)}";
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
