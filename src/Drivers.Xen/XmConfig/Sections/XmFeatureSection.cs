using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The hypervisor features of libxl's config files. HVM: the <c>pae</c>, <c>acpi</c>, <c>apic</c>
/// and <c>viridian</c> switches, <c>hap = 0</c> when hardware paging is turned off, then the timers
/// in document order (<c>tsc_mode</c>, <c>hpet</c>). Any guest: <c>e820_host</c> and
/// <c>passthrough</c> from <c>&lt;features&gt;&lt;xen&gt;</c>.
/// </summary>
internal static class XmFeatureSection
{
    /// <summary>The TSC modes of libxl by the timer's XML mode (libxl's "default" is the timer's auto).</summary>
    public static readonly XmlEnum<TimerMode> TscMode = new(
        ("default", TimerMode.Auto), ("native", TimerMode.Native), ("always_emulate", TimerMode.Emulate), ("native_paravirt", TimerMode.Paravirt));

    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        var features = ctx.Domain.Features;
        if (ctx.Hvm)
        {
            yield return Xm.Flag("pae", features?.Pae == true);
            yield return Xm.Flag("acpi", features?.Acpi == true);
            yield return Xm.Flag("apic", features?.Apic == true);
            if (features?.HapState == false) yield return Xm.Flag("hap", false);
            yield return Xm.Flag("viridian", features?.Viridian == true);
            foreach (var timer in ctx.Domain.Clock?.Timers ?? [])
            {
                if (timer.Name == TimerName.Tsc && timer.Mode is { } mode) yield return Xm.String("tsc_mode", TscMode.ToXml(mode));
                else if (timer.Name == TimerName.Hpet && timer.Present is { } present) yield return Xm.Flag("hpet", present);
            }
        }
        if (features?.Xen is { } xen)
        {
            if (xen.E820Host?.State is { } e820) yield return Xm.Flag("e820_host", e820);
            if (xen.Passthrough?.State is { } passthrough)
                yield return Xm.String("passthrough", !passthrough ? "disabled"
                    : xen.PassthroughMode is { } mode ? FeatureEnumsXml.XenPassthrough.ToXml(mode) : "enabled");
        }
    }

    /// <summary>The features of an HVM guest and of any guest's <c>&lt;xen&gt;</c>, as libxl reads them; null when none is set.</summary>
    public static Features? Read(XmSettings settings, bool hvm)
    {
        var features = new Features();
        if (hvm)
        {
            // libxl's defaults for an HVM guest: PAE, ACPI and APIC on, hardware paging on, no Viridian.
            features = features with
            {
                Pae = settings.Flag("pae", true) == true,
                Acpi = settings.Flag("acpi", true) == true,
                Apic = settings.Flag("apic", true) == true,
                Hap = settings.Flag("hap") == false,
                HapState = settings.Flag("hap") == false ? false : null,
                Viridian = settings.Flag("viridian") == true,
            };
        }
        var e820 = settings.Flag("e820_host");
        var passthrough = settings.String("passthrough");
        if (e820 == true || passthrough is not null)
        {
            XenPassthroughMode? mode = null;
            bool? on = null;
            if (passthrough is not null)
            {
                on = passthrough != "disabled";
                if (FeatureEnumsXml.XenPassthrough.TryParse(passthrough, out var parsed)) mode = parsed;
                else if (passthrough is not ("enabled" or "disabled"))
                    settings.Invalid(settings.Entry("passthrough")!.Value, "passthrough",
                        $"'passthrough' is \"{passthrough}\"; allowed: enabled, disabled, sync_pt, share_pt");
            }
            features = features with
            {
                Xen = new XenFeatures
                {
                    E820Host = e820 == true ? new FeatureSwitch(true) : null,
                    Passthrough = on is null ? null : new FeatureSwitch(on),
                    PassthroughMode = mode,
                },
            };
        }
        return features == new Features() ? null : features;
    }
}
