using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MonitoringWorkflows.Web.Tests.Notifications;

/// <summary>
/// Just enough of an SMTP server on loopback to receive what the site sends: greets, accepts any sender and recipient,
/// keeps each message's envelope recipients and data, and counts connections (none means nothing was sent).
/// </summary>
internal sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private int connections;

    public SmtpListener()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public int Connections => Volatile.Read(ref connections);
    public List<(string Recipient, string Data)> Messages { get; } = [];

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stopping.Token); }
            catch (OperationCanceledException) { return; }
            Interlocked.Increment(ref connections);
            await ConverseAsync(client);
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 test SMTP ready");
        var recipient = "";
        while (await reader.ReadLineAsync(stopping.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            if (verb == "RCPT") recipient = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
            if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync(stopping.Token) is { } body && body != ".") data.AppendLine(body);
                lock (Messages) Messages.Add((recipient, data.ToString()));
                await writer.WriteLineAsync("250 queued");
                continue;
            }
            await writer.WriteLineAsync(verb == "QUIT" ? "221 bye" : "250 ok");
            if (verb == "QUIT") return;
        }
    }

    /// <summary>A message's body, decoded when it was sent as base64 (System.Net.Mail does so for non-ASCII text).</summary>
    public static string BodyOf(string data)
    {
        var parts = data.Replace("\r\n", "\n").Split("\n\n", 2);
        var body = parts.Length == 2 ? parts[1] : "";
        return parts[0].Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim()))))
            : body;
    }

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        try { await accepting; }
        catch (OperationCanceledException) { } // stopping while a conversation was read: the test is over
        stopping.Dispose();
    }
}
