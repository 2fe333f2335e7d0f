using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// QEMU renders OpenGL for one display only, and an <c>egl-headless</c> display only feeds a VNC
/// or SPICE server: beside any other kind of graphics it has nothing to render for.
/// </summary>
internal sealed class GraphicsCombinationCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (!GuestMachine.IsQemu(domain)) return;
        var graphics = domain.Devices.Graphics;
        if (graphics.Any(g => g is EglHeadlessGraphics))
            foreach (var other in graphics.Where(g => g.Type is not (GraphicsType.EglHeadless or GraphicsType.Vnc or GraphicsType.Spice)))
                diagnostics.Error(DiagnosticCatalog.GraphicsConflict, other.Location,
                    $"graphics type 'egl-headless' is only supported beside 'vnc' or 'spice' graphics, not '{GraphicsTypeXml.Table.ToXml(other.Type)}'");

        // One loop, no list: every document is checked, and hardly any has two OpenGL displays.
        Graphics? firstOpenGl = null;
        foreach (var g in graphics)
        {
            if (!UsesOpenGl(g)) continue;
            if (firstOpenGl is null) firstOpenGl = g;
            else
                diagnostics.Error(DiagnosticCatalog.GraphicsConflict, g.Location,
                    $"multiple OpenGL displays are not supported by QEMU (the first is at line {firstOpenGl.Location.Line})");
        }
    }

    private static bool UsesOpenGl(Graphics graphics) => graphics switch
    {
        EglHeadlessGraphics => true,
        SdlGraphics sdl => sdl.GlEnable == true,
        SpiceGraphics spice => spice.Gl?.Enable == true,
        DbusGraphics dbus => dbus.Gl?.Enable == true,
        _ => false,
    };
}
