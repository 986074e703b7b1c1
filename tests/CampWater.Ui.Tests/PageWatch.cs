using Microsoft.Playwright;

namespace CampWater.Ui;

/// <summary>
/// Watches a browser context: every request it makes (to check that none leaves the app's origin),
/// the bytes its responses transferred, and script errors on its pages.
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> _urls = [];
    private readonly List<IResponse> _responses = [];
    private readonly List<string> _errors = [];
    private readonly string _origin;

    public PageWatch(IBrowserContext context, string baseUrl)
    {
        _origin = new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
        context.Request += (_, request) => { lock (_urls) { _urls.Add(request.Url); } };
        context.Response += (_, response) => { lock (_responses) { _responses.Add(response); } };
        context.Page += (_, page) => Attach(page);
        foreach (var page in context.Pages)
        {
            Attach(page);
        }
    }

    public IReadOnlyList<string> Errors { get { lock (_errors) { return [.. _errors]; } } }

    /// <summary>Every URL requested that is not on the app's origin (data: and blob: are not requests).</summary>
    public IReadOnlyList<string> Foreign()
    {
        lock (_urls)
        {
            return [.. _urls.Where(u => !u.StartsWith(_origin + "/", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal)
                && !u.StartsWith(_origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/", StringComparison.Ordinal))];
        }
    }

    public int RequestCount { get { lock (_urls) { return _urls.Count; } } }

    /// <summary>Bytes on the wire for all responses so far: headers plus the encoded (compressed) body.</summary>
    public async Task<(long Bytes, IReadOnlyList<(string Url, long Bytes)> Items)> TransferredAsync()
    {
        IResponse[] responses;
        lock (_responses)
        {
            responses = [.. _responses];
        }

        var items = new List<(string, long)>();
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            items.Add((response.Url, Math.Max(0, sizes.ResponseBodySize) + Math.Max(0, sizes.ResponseHeadersSize)));
        }

        return (items.Sum(i => i.Item2), items);
    }

    private void Attach(IPage page)
    {
        page.PageError += (_, error) => { lock (_errors) { _errors.Add(error); } };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("Failed to load resource", StringComparison.Ordinal)
                && !message.Text.Contains("WebSocket", StringComparison.Ordinal) && !message.Text.Contains("Connection disconnected", StringComparison.Ordinal))
            {
                lock (_errors) { _errors.Add(message.Text); }
            }
        };
    }
}
