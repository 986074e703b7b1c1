using CampWater.Dashboard.Auth;

namespace CampWater.Silo.Commands;

/// <summary>
/// <c>Silo hash-password</c>: reads a password (twice, without echo, on a terminal; one line from
/// standard input otherwise) and prints its hash for <c>CampWater:Auth:Users:{i}:PasswordHash</c>.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";
    private const int MinLength = 10;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length > 1)
        {
            await error.WriteLineAsync("Usage: Silo hash-password   (the password is read from the terminal or standard input, never from the command line)");
            return 2;
        }

        string? password;
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            password = ReadHidden(error, "Password: ");
            var again = ReadHidden(error, "Again: ");
            if (password != again)
            {
                await error.WriteLineAsync("The two passwords differ; nothing was hashed.");
                return 1;
            }
        }
        else
        {
            password = await input.ReadLineAsync();
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            await error.WriteLineAsync($"A password needs at least {MinLength} characters.");
            return 1;
        }

        await output.WriteLineAsync(PasswordHash.Create(password));
        return 0;
    }

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
