using System.Text;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>How an authenticator key is shown to a person and handed to an app (RFC 6238 TOTP, SHA-1, six digits, 30 s).</summary>
internal static class AuthenticatorKey
{
    public const string Issuer = "MonitoringWorkflows";

    /// <summary>Groups of four lower-case characters, easier to type into a phone.</summary>
    public static string Format(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) formatted.Append(' ');
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return formatted.ToString().ToLowerInvariant();
    }

    /// <summary>The <c>otpauth://</c> address authenticator apps read (from a QR code, or pasted).</summary>
    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>Apps show codes as "123 456"; people type them with spaces or dashes.</summary>
    public static string NormalizeCode(string code) => code.Replace(" ", "").Replace("-", "");
}
