using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// Reads a CPU map document (<c>&lt;cpus&gt;&lt;arch name='x86'&gt;...</c>). As in libvirt, a model
/// may only start from a model defined before it and may only use defined features and vendors;
/// anything else is an error naming what is missing.
/// </summary>
public static class CpuMapParser
{
    public static LoadResult<CpuMap> LoadFile(IInputFiles files, string path) => FromLoad(SafeXmlLoader.LoadFile(files, path), path);

    public static LoadResult<CpuMap> ParseText(string xml, string sourceName = "<cpu map>") =>
        FromLoad(SafeXmlLoader.LoadText(xml, sourceName), sourceName);

    public static LoadResult<CpuMap> ParseElement(SourceElement root, string sourceName)
    {
        var context = new ParseContext(sourceName);
        var reader = context.Root(root);
        if (root.LocalName != "cpus" || root.NamespaceUri.Length != 0)
        {
            reader.Error(DiagnosticCatalog.WrongRootElement,
                $"the root element is <{root.LocalName}>; a CPU map starts with <cpus>");
            return new LoadResult<CpuMap>(null, context.Diagnostics.ToList());
        }
        var map = new CpuMap { Arches = [.. reader.Children("arch").Select(ReadArch).OfType<CpuMapArch>()] };
        context.ReportUnread(root);
        return LoadResult<CpuMap>.From(map, context.Diagnostics);
    }

    private static LoadResult<CpuMap> FromLoad(XmlLoadResult load, string sourceName) =>
        load.Root is null ? new(null, [load.Error!]) : ParseElement(load.Root, sourceName);

    private static CpuMapArch? ReadArch(ElementReader arch)
    {
        var name = arch.RequiredAttr("name");
        var vendors = new List<CpuVendorDefinition>();
        var features = new List<CpuFeatureDefinition>();
        var models = new List<CpuModelDefinition>();
        // Definitions are read in document order because a model may only refer to what precedes it.
        foreach (var (element, path) in arch.AllChildren())
        {
            switch (element.LocalName)
            {
                case "vendor":
                    AddUnique(vendors, ReadVendor(arch.Open(element, path)), v => v.Name, arch.Open(element, path), "vendor");
                    break;
                case "feature":
                    AddUnique(features, ReadFeature(arch.Open(element, path)), f => f.Name, arch.Open(element, path), "feature");
                    break;
                case "model":
                    var model = arch.Open(element, path);
                    AddUnique(models, ReadModel(model, vendors, features, models), m => m.Name, model, "model");
                    break;
            }
        }
        return name is null ? null : new CpuMapArch(name) { Vendors = [.. vendors], Features = [.. features], Models = [.. models] };
    }

    private static CpuVendorDefinition? ReadVendor(ElementReader vendor) =>
        vendor.RequiredAttr("name") is { } name ? new CpuVendorDefinition(name, vendor.Attr("string")) : null;

    private static CpuFeatureDefinition? ReadFeature(ElementReader feature)
    {
        var name = feature.RequiredAttr("name");
        var cpuid = feature.Children("cpuid").Select(c =>
        {
            var function = c.UInt("function", allowHex: true);
            if (function is null && !c.HasAttribute("function"))
                c.Error(DiagnosticCatalog.MissingAttribute, "missing required attribute 'function'");
            return new CpuidBits(function ?? 0,
                c.UInt("eax", allowHex: true) ?? 0, c.UInt("ebx", allowHex: true) ?? 0,
                c.UInt("ecx", allowHex: true) ?? 0, c.UInt("edx", allowHex: true) ?? 0);
        });
        return name is null ? null : new CpuFeatureDefinition(name) { Cpuid = [.. cpuid] };
    }

    private static CpuModelDefinition? ReadModel(
        ElementReader model, List<CpuVendorDefinition> vendors, List<CpuFeatureDefinition> features, List<CpuModelDefinition> models)
    {
        var name = model.RequiredAttr("name");
        var basedOn = model.Child("model") is { } parent ? parent.RequiredAttr("name") : null;
        if (basedOn is not null && models.All(m => m.Name != basedOn))
            model.Child("model")!.AttrError("name", QemuDiagnostics.UndefinedCpuMapReference,
                $"model '{name}' starts from model '{basedOn}', which is not defined before it");

        var vendorElement = model.Child("vendor");
        var vendor = vendorElement?.RequiredAttr("name");
        if (vendor is not null && vendors.All(v => v.Name != vendor))
            vendorElement!.AttrError("name", QemuDiagnostics.UndefinedCpuMapReference,
                $"model '{name}' names vendor '{vendor}', which is not defined; defined: {string.Join(", ", vendors.Select(v => v.Name))}");

        var pvr = model.Child("pvr")?.UInt("value", allowHex: true);

        var own = new List<string>();
        foreach (var feature in model.Children("feature"))
        {
            var featureName = feature.RequiredAttr("name");
            if (featureName is null) continue;
            if (features.All(f => f.Name != featureName))
                feature.AttrError("name", QemuDiagnostics.UndefinedCpuMapReference,
                    $"model '{name}' uses feature '{featureName}', which is not defined");
            own.Add(featureName);
        }
        return name is null ? null : new CpuModelDefinition(name) { BasedOn = basedOn, Vendor = vendor, Pvr = pvr, Features = [.. own] };
    }

    private static void AddUnique<T>(List<T> list, T? item, Func<T, string> name, ElementReader where, string what) where T : class
    {
        if (item is null) return;
        if (list.Any(existing => name(existing) == name(item)))
        {
            where.Error(DiagnosticCatalog.DuplicateElement, $"{what} '{name(item)}' is defined more than once");
            return;
        }
        list.Add(item);
    }
}
