using System.Text;
using System.Text.Json;
using DomainLauncher.Cli.Lifecycle;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// Issue 11, the round-trip property for the list and status JSON: guest names and run-directory
/// paths with quotes, backslashes, brackets, controls and non-ASCII read back exactly.
/// </summary>
public sealed class StatusJsonRoundTripTests
{
    [Fact]
    public void Guest_status_values_read_back_exactly()
    {
        const string alphabet = ",:'\"\\=<>&;{}[] \n\t\r\u0001\u001b\u007f\u0085é中\u2028\uFFFE-/>";
        var random = new Random(11_30);
        for (var i = 0; i < 3000; i++)
        {
            string Next()
            {
                var text = new StringBuilder();
                for (var n = random.Next(0, 20); n > 0; n--) text.Append(alphabet[random.Next(alphabet.Length)]);
                return text.ToString();
            }
            var status = new GuestStatusJson(Next(), random.Next(2) == 0 ? null : random.Next(), Next(), Next(), Next());
            var json = JsonSerializer.Serialize<GuestStatusJson[]>([status], LifecycleJsonContext.Readable.GuestStatusJsonArray);
            var back = JsonSerializer.Deserialize(json, LifecycleJsonContext.Default.GuestStatusJsonArray)!;
            Assert.Equal(status, Assert.Single(back));
            Assert.DoesNotContain('\n', json);
        }
    }
}
