// Run by xm-reader-bench.sh (which adds the project reference). Prints how long the xm reader takes and how much memory it peaks at on the hostile inputs of
// issue 11 (items 1 and 7). A script that prints figures, not a test: run one case per process so
// that each peak is its own:
//   tests/Drivers.Xen.Tests/Hostile/Bench/xm-reader-bench.sh
using System.Diagnostics;
using System.Text;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;

const string Good = "name = \"guest\"\nuuid = \"c7a5fdb0-cdaf-9455-926a-d65c16db1809\"\nmemory = 256\nbootloader = \"/usr/bin/pygrub\"\n";
var name = args.Length > 0 ? args[0] : "nested";
var text = name switch
{
    "nested" => "disk = " + new string('[', 17_500) + "\n",
    "longkey" => Good + new string('k', 8 * 1024 * 1024) + " = 1\n",
    "duplicates" => new StringBuilder(Good).Insert(Good.Length, "memory = 256\n", 500_000).ToString(),
    "newlines" => Good + new string('\n', 8_000_000),
    "badlines" => new StringBuilder().Insert(0, "import os\n", 1_000_000).ToString(),
    _ => throw new ArgumentException($"unknown case {name}"),
};
var before = Process.GetCurrentProcess().PeakWorkingSet64;
var clock = Stopwatch.StartNew();
var result = XmConfigReader.ReadText(text, "bench.cfg", XenTarget.For(XendConfigVersion.Xen3_0_4),
    new XenGuestDefaults(new XenGuestArch("i686", "xenfv"), new XenGuestArch("i686", "xenpv")));
clock.Stop();
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
var first = result.Diagnostics.FirstOrDefault(d => d.IsError);
Console.WriteLine($"{name}: input {text.Length / 1e6:0.0} M chars, {clock.Elapsed.TotalSeconds:0.000} s, peak working set {peak / 1e6:0} MB (input held: {before / 1e6:0} MB), "
    + $"{result.Diagnostics.Count} diagnostics; first error: {(first is null ? "none" : first.Code.Id + " " + first.Location)}");
