using System.Security.Cryptography;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>Random one-time passwords that satisfy the password policy; their holder must change them at first sign-in.</summary>
internal static class TemporaryPassword
{
    // Characters that cannot be mistaken for one another when read aloud or copied from a screen.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!?#";
    private const int Length = 16;

    public static string Create()
    {
        var classes = new[] { Upper, Lower, Digits, Symbols };
        var all = string.Concat(classes);
        var characters = classes.Select(Pick)
            .Concat(Enumerable.Range(0, Length - classes.Length).Select(_ => Pick(all)))
            .ToArray();
        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
