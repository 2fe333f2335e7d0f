using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -audiodev (one per planned backend, with the settings of its <input> and <output> as in./out. properties).
internal static class AudioEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var backend in ctx.Plan.Audiodevs)
        {
            args.Add("-audiodev");
            args.Add(Backend(backend).ToString());
        }
    }

    private static QemuOpts Backend(PlannedAudiodev backend)
    {
        var opts = new QemuOpts().Add("driver", backend.Driver).Add("id", backend.Id);
        if (backend.Audio is not { } audio) return opts;
        opts.Add("timer-period", (long?)audio.TimerPeriod);
        opts.AddOnOff("try-mmap", audio.TryMMap);
        opts.AddOnOff("exclusive", audio.Exclusive);
        opts.Add("dsp-policy", audio.DspPolicy);
        opts.Add("server", audio.ServerName);
        opts.Add("path", audio.Path);
        Stream(opts, "in", audio.Input);
        Stream(opts, "out", audio.Output);
        return opts;
    }

    /// <summary>One direction's settings, as QEMU's dotted <c>in.</c>/<c>out.</c> properties.</summary>
    private static void Stream(QemuOpts opts, string direction, AudioStream? stream)
    {
        if (stream is null) return;
        string Key(string name) => direction + "." + name;
        opts.AddOnOff(Key("mixing-engine"), stream.MixingEngine);
        opts.AddOnOff(Key("fixed-settings"), stream.FixedSettings);
        opts.Add(Key("voices"), (long?)stream.Voices);
        opts.Add(Key("buffer-length"), (long?)stream.BufferLength);
        if (stream.Settings is { } settings)
        {
            opts.Add(Key("frequency"), (long?)settings.Frequency);
            opts.Add(Key("channels"), (long?)settings.Channels);
            if (settings.Format is { } format) opts.Add(Key("format"), AudioXml.Format.ToXml(format));
        }
        opts.Add(Key("dev"), stream.Dev);
        opts.Add(Key("buffer-count"), (long?)stream.BufferCount);
        opts.AddOnOff(Key("try-poll"), stream.TryPoll);
        opts.Add(Key("server-name"), stream.ServerName);
        opts.Add(Key("client-name"), stream.ClientName);
        opts.Add(Key("connect-ports"), stream.ConnectPorts);
        opts.AddOnOff(Key("exact-name"), stream.ExactName);
        opts.Add(Key("name"), stream.Name);
        opts.Add(Key("stream-name"), stream.StreamName);
        opts.Add(Key("latency"), (long?)stream.Latency);
    }
}
