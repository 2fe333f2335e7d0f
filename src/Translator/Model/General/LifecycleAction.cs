using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>What happens on guest poweroff, reboot or crash (<c>&lt;on_poweroff&gt;</c> and friends).</summary>
public enum LifecycleAction
{
    Destroy,
    Restart,
    Preserve,
    RenameRestart,
    CoredumpDestroy,
    CoredumpRestart,
}

public static class LifecycleActionXml
{
    public static readonly XmlEnum<LifecycleAction> Table = new(
        ("destroy", LifecycleAction.Destroy), ("restart", LifecycleAction.Restart), ("preserve", LifecycleAction.Preserve),
        ("rename-restart", LifecycleAction.RenameRestart), ("coredump-destroy", LifecycleAction.CoredumpDestroy),
        ("coredump-restart", LifecycleAction.CoredumpRestart));
}
