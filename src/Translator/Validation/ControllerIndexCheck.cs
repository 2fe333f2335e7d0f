using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// No two controllers of one type share an index. USB is the exception: companion controllers
/// (EHCI with its UHCI companions) share the index of the bus they form, but a USB controller of
/// model 'none' disables USB and so cannot share its index with anything.
/// </summary>
internal sealed class ControllerIndexCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        // Most documents give every controller its own type and index: one set tells, with no groups made.
        if (!AnyShareTypeAndIndex(domain.Devices.Controllers)) return;
        foreach (var group in domain.Devices.Controllers.GroupBy(c => (c.Type, c.Index)))
        {
            var controllers = group.ToList();
            if (controllers.Count < 2) continue;
            var type = ControllerXml.Type.ToXml(group.Key.Type);
            if (group.Key.Type != ControllerType.Usb)
            {
                foreach (var extra in controllers.Skip(1))
                    diagnostics.Error(DiagnosticCatalog.DuplicateController, extra.Location,
                        $"a {type} controller with index {group.Key.Index} is already defined at line {controllers[0].Location.Line}");
                continue;
            }
            if (controllers.OfType<UsbController>().Any(IsNone))
                diagnostics.Error(DiagnosticCatalog.DuplicateController, controllers[1].Location,
                    $"USB is disabled by a usb controller of model 'none' with index {group.Key.Index}; " +
                    "no other usb controller may share that index");
        }
    }

    /// <summary>Up to this many controllers are compared with each other, without a set.</summary>
    private const int FewControllers = 16;

    private static bool AnyShareTypeAndIndex(ImmutableArray<Controller> controllers)
    {
        if (controllers.Length < 2) return false;
        // A domain has a few controllers: each is compared with those before it, where a set was made for every document.
        if (controllers.Length <= FewControllers)
        {
            for (var i = 1; i < controllers.Length; i++)
                for (var j = 0; j < i; j++)
                    if (controllers[i].Type == controllers[j].Type && controllers[i].Index == controllers[j].Index) return true;
            return false;
        }
        var seen = new HashSet<(ControllerType Type, uint? Index)>(controllers.Length);
        foreach (var controller in controllers)
            if (!seen.Add((controller.Type, controller.Index))) return true;
        return false;
    }

    private static bool IsNone(UsbController controller) => controller.Model == UsbControllerModel.None;
}
