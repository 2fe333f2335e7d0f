using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the process environment (LC_ALL, the variables passed through, TZ, QEMU_AUDIO_DRV, SDL and SASL variables).
internal static class EnvironmentEmitter
{
    /// <summary>Variables copied from the host environment when set, in libvirt's order.</summary>
    private static readonly string[] PassedThrough = ["LD_PRELOAD", "LD_LIBRARY_PATH", "PATH", "HOME", "USER", "LOGNAME", "TMPDIR"];

    /// <summary>Appends the assignments to <paramref name="environment"/>, in libvirt's order (as the argument emitters append words).</summary>
    public static void Emit(QemuContext ctx, List<EnvironmentAssignment> environment)
    {
        var env = ctx.Host.Environment;
        environment.Add(new("LC_ALL", "C"));
        foreach (var name in PassedThrough)
        {
            var value = env.Get(name) ?? (name == "PATH" ? "/bin:/usr/bin" : null);
            if (value is not null) environment.Add(new(name, value));
        }
        if (ctx.Domain.Clock is { Offset: ClockOffset.Timezone, Timezone: { } tz }) environment.Add(new("TZ", tz));
        Graphics(ctx, environment);
        foreach (var variable in ctx.Domain.QemuCommandLine?.Environment ?? [])
            environment.Add(new(variable.Name, variable.Value ?? ""));
    }

    private static void Graphics(QemuContext ctx, List<EnvironmentAssignment> environment)
    {
        // Only the first graphics device sets the environment.
        var graphics = ctx.Domain.Devices.Graphics;
        // With -audiodev the audio backend is on the command line (SoundEmitter), not in QEMU_AUDIO_DRV.
        if (ctx.Has(Capabilities.QemuCapability.Audiodev))
        {
            if (!graphics.IsEmpty) GraphicsWithoutAudio(graphics[0], ctx, environment);
            SdlAudio(ctx, environment);
            return;
        }
        if (!graphics.IsEmpty) GraphicsWithAudio(graphics[0], ctx, environment);
    }

    /// <summary>QEMU's SDL audio backend takes its own driver from SDL's environment, not from <c>-audiodev</c>.</summary>
    private static void SdlAudio(QemuContext ctx, List<EnvironmentAssignment> environment)
    {
        foreach (var backend in ctx.Plan.Audiodevs)
        {
            if (backend.Audio is { Type: AudioType.Sdl, SdlDriver: { } driver })
            {
                environment.Add(new EnvironmentAssignment("SDL_AUDIODRIVER", AudioXml.SdlDriver.ToXml(driver)));
                return;
            }
        }
    }

    private static void GraphicsWithoutAudio(Graphics graphics, QemuContext ctx, List<EnvironmentAssignment> environment)
    {
        if (graphics is VncGraphics && ctx.Has(Capabilities.QemuCapability.VncColon) && ctx.Host.Vnc.Sasl && ctx.Host.Vnc.SaslDir is { } dir)
            environment.Add(new("SASL_CONF_DIR", dir));
        if (graphics is SdlGraphics sdl)
        {
            if (sdl.Xauth is not null) environment.Add(new("XAUTHORITY", sdl.Xauth));
            if (sdl.Display is not null) environment.Add(new("DISPLAY", sdl.Display));
        }
    }

    private static void GraphicsWithAudio(Graphics graphics, QemuContext ctx, List<EnvironmentAssignment> environment)
    {
        var env = ctx.Host.Environment;
        void Pass(string name)
        {
            if (env.Get(name) is { } value) environment.Add(new(name, value));
        }
        switch (graphics)
        {
            case VncGraphics:
                // SASL settings only reach QEMU's host:display syntax (vnc-colon).
                if (ctx.Has(Capabilities.QemuCapability.VncColon) && ctx.Host.Vnc.Sasl && ctx.Host.Vnc.SaslDir is { } dir)
                    environment.Add(new("SASL_CONF_DIR", dir));
                if (ctx.Host.Vnc.AllowHostAudio)
                    Pass("QEMU_AUDIO_DRV");
                else
                    environment.Add(new("QEMU_AUDIO_DRV", "none"));
                break;
            case SdlGraphics sdl:
                if (sdl.Xauth is not null) environment.Add(new("XAUTHORITY", sdl.Xauth));
                if (sdl.Display is not null) environment.Add(new("DISPLAY", sdl.Display));
                Pass("QEMU_AUDIO_DRV");
                Pass("SDL_AUDIODRIVER");
                break;
            case SpiceGraphics:
                environment.Add(new("QEMU_AUDIO_DRV", "spice"));
                break;
        }
    }
}
