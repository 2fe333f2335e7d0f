using System.Globalization;
using System.Reflection;
using DomainLauncher.Fuzz;

// dotnet run -c Release --project tests/Fuzz -- --inputs 1000000 --seed 1 [--targets domain,xml-readers,xm,qmp]
//   [--max-nesting N] [--max-input-bytes N] [--findings DIR]
// dotnet run -c Release --project tests/Fuzz -- --replay FILE --targets NAME   (runs one reproducer, prints the whole exception)
// Exit code 0: no crash, no hang, memory within 200 MB; 1: a finding; 2: bad arguments.
var options = new FuzzOptions { FindingsFolder = "fuzz-findings" };
string? replay = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        if (args[i] == "--replay")
        {
            replay = Value();
            continue;
        }
        options = args[i] switch
        {
            "--inputs" => options with { Inputs = long.Parse(Value(), CultureInfo.InvariantCulture) },
            "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
            "--targets" => options with { Targets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
            "--max-nesting" => options with { MaxNesting = int.Parse(Value(), CultureInfo.InvariantCulture) },
            "--max-input-bytes" => options with { MaxInputBytes = int.Parse(Value(), CultureInfo.InvariantCulture) },
            "--findings" => options with { FindingsFolder = Value() },
            _ => throw new ArgumentException($"unknown option {args[i]}"),
        };
    }
    catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine($"fuzz: {e.Message}");
        return 2;
    }
}

// Recorded at build time (tests/Directory.Build.props): the build output may live elsewhere (DL_ARTIFACTS).
var repositoryRoot = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
var seeds = FuzzSeeds.LoadDefault(repositoryRoot);
Console.WriteLine($"seeds: {seeds.DomainDocuments.Count} domain documents, {seeds.XmFiles.Count} xm files from "
    + (seeds.Folders.Count == 0 ? "(no corpus found: built-in seeds only)" : string.Join(", ", seeds.Folders)));

if (replay is not null)
{
    if (options.Targets.Count != 1)
    {
        Console.Error.WriteLine("fuzz: --replay needs one target (--targets domain, xml-readers, xm or qmp)");
        return 2;
    }
    var target = FuzzRun.AllTargets(seeds).Single(t => t.Name == options.Targets[0]);
    try
    {
        target.Run(File.ReadAllBytes(replay));
        Console.WriteLine("no crash");
        return 0;
    }
    catch (Exception e)
    {
        Console.WriteLine(e);
        return 1;
    }
}

var report = FuzzRun.Run(FuzzRun.AllTargets(seeds), options, Console.WriteLine);
Console.Write(report.Format());
if (!report.Passed && options.FindingsFolder is not null && report.Findings.Count > 0)
    Console.WriteLine($"reproducers: {Path.GetFullPath(options.FindingsFolder)}");
return report.Passed ? 0 : 1;
