using System.Collections;
using System.Net;
using System.Reflection;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Flattens a model into "path = value" lines (list positions left out, source locations
/// skipped), so two models can be compared as multisets of what they say: a writer that loses
/// nothing produces a document whose model says at least everything the original said.
/// </summary>
internal static class ModelLeaves
{
    public static List<string> Of(object model)
    {
        var leaves = new List<string>();
        Walk(model, model.GetType().Name, leaves);
        return leaves;
    }

    /// <summary>The leaves of <paramref name="original"/> that <paramref name="rewritten"/> does not have (as multisets).</summary>
    public static List<string> Missing(object original, object rewritten)
    {
        var available = Of(rewritten).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var missing = new List<string>();
        foreach (var leaf in Of(original))
        {
            if (available.TryGetValue(leaf, out var count) && count > 0) available[leaf] = count - 1;
            else missing.Add(leaf);
        }
        return missing;
    }

    private static void Walk(object? value, string path, List<string> leaves)
    {
        switch (value)
        {
            case null:
                return;
            case string or Enum or Guid or DateTime or IPAddress or MacAddress or MemorySize or bool
                or byte or ushort or int or uint or long or ulong:
                leaves.Add($"{path} = {value}");
                return;
            case IEnumerable items:
                foreach (var item in items) Walk(item, path + "[]", leaves);
                return;
        }
        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(UsbMatch<>))
        {
            var inner = type.GetProperty("Value")!.GetValue(value);
            leaves.Add($"{path} = {inner?.ToString() ?? "any"}");
            return;
        }
        if (type == typeof(UsbVersion))
        {
            leaves.Add($"{path} = {value}");
            return;
        }
        leaves.Add($"{path} : {type.Name}");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(SourceLocation) || property.PropertyType == typeof(SourceLocation?) || property.GetIndexParameters().Length > 0) continue;
            // A view computed from the lists (Devices.CharDevicesOnce) is not something the model holds.
            if (property.PropertyType == typeof(CharDeviceElements)) continue;
            Walk(property.GetValue(value), $"{path}.{property.Name}", leaves);
        }
    }
}
