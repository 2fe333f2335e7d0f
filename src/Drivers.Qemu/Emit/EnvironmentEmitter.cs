using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the process environment (LC_ALL, the variables passed through, TZ, QEMU_AUDIO_DRV, SDL and SASL variables).
internal static class EnvironmentEmitter
{
    /// <summary>Variables copied from the host environment when set, in libvirt's order.</summary>
    private static readonly string[] PassedThrough = ["LD_PRELOAD", "LD_LIBRARY_PATH", "PATH", "HOME", "USER", "LOGNAME", "TMPDIR"];

    public static IEnumerable<EnvironmentAssignment> Emit(QemuContext ctx)
    {
        var env = ctx.Host.Environment;
        yield return new("LC_ALL", "C");
        foreach (var name in PassedThrough)
        {
            var value = env.Get(name) ?? (name == "PATH" ? "/bin:/usr/bin" : null);
            if (value is not null) yield return new(name, value);
        }
        if (ctx.Domain.Clock is { Offset: ClockOffset.Timezone, Timezone: { } tz }) yield return new("TZ", tz);
        foreach (var assignment in Graphics(ctx)) yield return assignment;
        foreach (var variable in ctx.Domain.QemuCommandLine?.Environment ?? [])
            yield return new(variable.Name, variable.Value ?? "");
    }

    private static IEnumerable<EnvironmentAssignment> Graphics(QemuContext ctx)
    {
        // With -audiodev the audio backend is on the command line (SoundEmitter), not in QEMU_AUDIO_DRV.
        if (ctx.Has(Capabilities.QemuCapability.Audiodev))
            return ctx.Domain.Devices.Graphics.Take(1).SelectMany(g => GraphicsWithoutAudio(g, ctx)).Concat(SdlAudio(ctx));
        return ctx.Domain.Devices.Graphics.Take(1).SelectMany(g => GraphicsWithAudio(g, ctx));
    }

    /// <summary>QEMU's SDL audio backend takes its own driver from SDL's environment, not from <c>-audiodev</c>.</summary>
    private static IEnumerable<EnvironmentAssignment> SdlAudio(QemuContext ctx) =>
        ctx.Plan.Audiodevs.Select(a => a.Audio).OfType<Audio>().Where(a => a.Type == AudioType.Sdl && a.SdlDriver is not null).Take(1)
            .Select(a => new EnvironmentAssignment("SDL_AUDIODRIVER", AudioXml.SdlDriver.ToXml(a.SdlDriver!.Value)));

    private static IEnumerable<EnvironmentAssignment> GraphicsWithoutAudio(Graphics graphics, QemuContext ctx)
    {
        if (graphics is VncGraphics && ctx.Has(Capabilities.QemuCapability.VncColon) && ctx.Host.Vnc.Sasl && ctx.Host.Vnc.SaslDir is { } dir)
            yield return new("SASL_CONF_DIR", dir);
        if (graphics is SdlGraphics sdl)
        {
            if (sdl.Xauth is not null) yield return new("XAUTHORITY", sdl.Xauth);
            if (sdl.Display is not null) yield return new("DISPLAY", sdl.Display);
        }
    }

    private static IEnumerable<EnvironmentAssignment> GraphicsWithAudio(Graphics graphics, QemuContext ctx)
    {
        var env = ctx.Host.Environment;
        IEnumerable<EnvironmentAssignment> Pass(string name) =>
            env.Get(name) is { } value ? [new(name, value)] : [];
        switch (graphics)
        {
            case VncGraphics:
                // SASL settings only reach QEMU's host:display syntax (vnc-colon).
                if (ctx.Has(Capabilities.QemuCapability.VncColon) && ctx.Host.Vnc.Sasl && ctx.Host.Vnc.SaslDir is { } dir)
                    yield return new("SASL_CONF_DIR", dir);
                if (ctx.Host.Vnc.AllowHostAudio)
                    foreach (var a in Pass("QEMU_AUDIO_DRV")) yield return a;
                else
                    yield return new("QEMU_AUDIO_DRV", "none");
                break;
            case SdlGraphics sdl:
                if (sdl.Xauth is not null) yield return new("XAUTHORITY", sdl.Xauth);
                if (sdl.Display is not null) yield return new("DISPLAY", sdl.Display);
                foreach (var a in Pass("QEMU_AUDIO_DRV")) yield return a;
                foreach (var a in Pass("SDL_AUDIODRIVER")) yield return a;
                break;
            case SpiceGraphics:
                yield return new("QEMU_AUDIO_DRV", "spice");
                break;
        }
    }
}
