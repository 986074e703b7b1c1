using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CampWater.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace CampWater.Deployment;

/// <summary>deploy/mosquitto/tls.conf enabled the way docs/operations.md says, with a certificate made for the test.</summary>
public sealed class MosquittoTlsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_TLS_listener_serves_the_mounted_certificate_and_applies_the_same_users_and_ACL()
    {
        using var certificates = new TempDirectory("campwater-certs");
        using var certificate = WriteSelfSignedCertificate(certificates.Path);
        await using var broker = await DeployedMosquitto.StartAsync(
            [["sensor", "atmeh-3", "t1", "sensor-t1-secret"]], certificates.Path, Cancellation);
        const string sensorUser = "atmeh-3/tanks/t1";
        await using var ingest = await MqttTestClient.ConnectAsync(
            broker.Host, broker.Port, new MqttTestClientOptions { Username = DeployedMosquitto.IngestUser, Password = DeployedMosquitto.IngestPassword }, Cancellation);
        await ingest.SubscribeAsync("campwater/+/tanks/+/level", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);

        string? served = null;
        using var sensor = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.TlsPort!.Value)
            .WithCredentials(sensorUser, "sensor-t1-secret")
            .WithTlsOptions(tls => tls
                .UseTls()
                .WithTargetHost("localhost")
                .WithCertificateValidationHandler(e =>
                {
                    served = e.Certificate?.GetCertHashString(HashAlgorithmName.SHA256);
                    return served == certificate.GetCertHashString(HashAlgorithmName.SHA256);
                }))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        await ConnectWithRetryAsync(sensor, options);
        Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), served);

        var own = await sensor.PublishAsync(Reading("campwater/atmeh-3/tanks/t1/level", "over tls"), Cancellation);
        var other = await sensor.PublishAsync(Reading("campwater/atmeh-3/tanks/t2/level", "spoofed over tls"), Cancellation);

        Assert.True(own.IsSuccess, own.ReasonCode.ToString());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, other.ReasonCode);
        var message = await ingest.WaitForAsync(m => m.Topic == "campwater/atmeh-3/tanks/t1/level", TimeSpan.FromSeconds(10), Cancellation);
        Assert.Equal("over tls", message.PayloadText);
        Assert.DoesNotContain(ingest.Messages, m => m.PayloadText == "spoofed over tls");

        // No anonymous clients on the TLS listener either.
        using var anonymous = new MqttClientFactory().CreateMqttClient();
        var refused = await anonymous.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", broker.TlsPort.Value)
                .WithTlsOptions(tls => tls.UseTls().WithCertificateValidationHandler(_ => true))
                .WithTimeout(TimeSpan.FromSeconds(10))
                .Build(),
            Cancellation);
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, refused.ResultCode);
    }

    private static MqttApplicationMessage Reading(string topic, string payload) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    /// <summary>The TLS listener may come up a moment after the plain one that the start waited for.</summary>
    private static async Task ConnectWithRetryAsync(IMqttClient client, MqttClientOptions options)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                var result = await client.ConnectAsync(options, Cancellation);
                Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
                return;
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Cancellation);
            }
        }
    }

    /// <summary>server.crt and server.key (PEM) for localhost and 127.0.0.1, as an operator would put them in certs/.</summary>
    private static X509Certificate2 WriteSelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "server.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.key"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }
}
