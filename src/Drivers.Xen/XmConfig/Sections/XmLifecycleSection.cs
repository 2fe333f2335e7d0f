using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary><c>on_poweroff</c>, <c>on_reboot</c>, <c>on_crash</c>: the lifecycle actions, by their XML names.</summary>
internal static class XmLifecycleSection
{
    /// <summary>The actions allowed on poweroff and reboot (a core dump only makes sense on a crash).</summary>
    private static readonly XmlEnum<LifecycleAction> Action = new(
        ("destroy", LifecycleAction.Destroy), ("restart", LifecycleAction.Restart), ("preserve", LifecycleAction.Preserve),
        ("rename-restart", LifecycleAction.RenameRestart));

    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx) =>
        Settings(ctx.Domain).Select(s => Xm.String(s.Name, s.Allowed.ToXml(s.Action)));

    /// <summary>Each action with its setting and the names it may take there.</summary>
    public static IEnumerable<(string Name, LifecycleAction Action, XmlEnum<LifecycleAction> Allowed)> Settings(Domain domain)
    {
        // Absent actions are the reference's XML defaults: destroy, restart, destroy.
        yield return ("on_poweroff", domain.OnPoweroff ?? LifecycleAction.Destroy, Action);
        yield return ("on_reboot", domain.OnReboot ?? LifecycleAction.Restart, Action);
        yield return ("on_crash", domain.OnCrash ?? LifecycleAction.Destroy, LifecycleActionXml.Table);
    }

    /// <summary>Whether an action has a name among those allowed for its setting.</summary>
    public static bool IsAllowed(LifecycleAction action, XmlEnum<LifecycleAction> allowed) =>
        allowed.Names.Any(n => allowed.TryParse(n, out var a) && a == action);

    public static (LifecycleAction Poweroff, LifecycleAction Reboot, LifecycleAction Crash)? Read(XmSettings settings)
    {
        // A config that names no action gets xm's defaults: destroy, restart, restart.
        var poweroff = One(settings, "on_poweroff", "destroy", Action);
        var reboot = One(settings, "on_reboot", "restart", Action);
        var crash = One(settings, "on_crash", "restart", LifecycleActionXml.Table);
        return poweroff is null || reboot is null || crash is null ? null : (poweroff.Value, reboot.Value, crash.Value);
    }

    private static LifecycleAction? One(XmSettings settings, string name, string absent, XmlEnum<LifecycleAction> allowed)
    {
        var text = settings.Has(name) ? settings.String(name) : absent;
        if (text is null) return null;
        if (allowed.TryParse(text, out var action)) return action;
        settings.Invalid(settings.Entry(name)!.Value, name, $"'{name}' is \"{text}\", not a lifecycle action; allowed: {allowed.AllowedList}");
        return null;
    }
}
