using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Web.Inbox;

public sealed record BodyProblem(int Status, string TitleKey);

public sealed record BodyRead(JsonObject? Value, BodyProblem? Problem);

/// <summary>Reads a JSON object body of at most a given size, whatever the Content-Length says (or whether it says anything).</summary>
internal static class RequestJson
{
    public static async Task<BodyRead> ReadObjectAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return TooLarge();
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonNode.Parse(buffer.ToArray()) is JsonObject data
                ? new BodyRead(data, null)
                : new BodyRead(null, new BodyProblem(StatusCodes.Status400BadRequest, "Body_NotObject"));
        }
        catch (JsonException)
        {
            return new BodyRead(null, new BodyProblem(StatusCodes.Status400BadRequest, "Body_NotObject"));
        }
    }

    private static BodyRead TooLarge() => new(null, new BodyProblem(StatusCodes.Status413PayloadTooLarge, "Body_TooLarge"));
}
