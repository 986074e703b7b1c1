using System.Net.Sockets;
using CampWater.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CampWater.Silo.Notifications.Channels;

/// <summary>
/// Email through SMTP submission with MailKit. A connection per message: alerts come minutes or hours
/// apart, longer than servers keep an idle session, and a fresh one cannot be half-broken.
/// </summary>
public sealed class EmailChannel(string name, SmtpOptions smtp, TimeSpan timeout) : INotificationChannel
{
    public string Name => name;

    public ChannelKind Kind => ChannelKind.Email;

    public async Task<DeliveryAnswer> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.Address))
        {
            return DeliveryAnswer.Refused("no email address");
        }

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From!));
        mail.To.Add(new MailboxAddress(message.PersonName ?? "", message.Address));
        mail.Subject = message.Subject;
        mail.Headers.Add("X-CampWater-Delivery", message.DeliveryId);
        mail.Body = new TextPart("plain") { Text = message.Text };

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.PortOrDefault, Security(smtp), attempt.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", attempt.Token).ConfigureAwait(false);
            }

            var answer = await client.SendAsync(mail, attempt.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, attempt.Token).ConfigureAwait(false);
            return DeliveryAnswer.Accepted(string.IsNullOrWhiteSpace(answer) ? "accepted" : answer);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAnswer.Refused($"no answer from {smtp.Host}:{smtp.PortOrDefault} within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or SocketException or IOException
            or AuthenticationException or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException)
        {
            return DeliveryAnswer.Refused(Describe(e, smtp));
        }
    }

    /// <summary>465 is TLS from the first byte; otherwise STARTTLS, required or when offered, or none.</summary>
    internal static SecureSocketOptions Security(SmtpOptions smtp) => smtp.UseTls switch
    {
        false => SecureSocketOptions.None,
        true when smtp.PortOrDefault == 465 => SecureSocketOptions.SslOnConnect,
        true => SecureSocketOptions.StartTls,
        null when smtp.PortOrDefault == 465 => SecureSocketOptions.SslOnConnect,
        null => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private static string Describe(Exception e, SmtpOptions smtp) => e switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode} {command.Message}",
        SocketException socket => $"{smtp.Host}:{smtp.PortOrDefault}: {socket.Message}",
        _ => $"{smtp.Host}:{smtp.PortOrDefault}: {e.GetType().Name}: {e.Message}",
    };
}
