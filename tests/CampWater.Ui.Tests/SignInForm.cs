using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CampWater.Ui;

/// <summary>The log-in form as a browser posts it: the page first (for its anti-forgery token), then the form.</summary>
internal static partial class SignInForm
{
    /// <summary>Fetches <c>/login</c> and posts the form with it; <paramref name="http"/> must keep cookies and not follow redirects.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string name, string password, CancellationToken cancellationToken = default)
    {
        var form = await http.GetStringAsync("/login", cancellationToken);
        var field = AntiforgeryField().Match(form);
        return await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value),
            ["name"] = name,
            ["password"] = password,
            ["returnUrl"] = "/",
        }), cancellationToken);
    }

    /// <summary>
    /// A client that keeps cookies, does not follow redirects, and connects from <paramref name="from"/>: any
    /// 127.x.y.z is this machine, so each test can be a client address of its own.
    /// </summary>
    public static HttpClient Client(string baseUrl, string from = "127.0.0.1")
    {
        var local = IPAddress.Parse(from);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    [GeneratedRegex("name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
