using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// A domain security label is dynamic unless it says otherwise, and relabels the guest's resources
/// unless it is static (a label of type none says nothing more).
/// </summary>
internal static class SecurityLabelDefaults
{
    public static System.Collections.Immutable.ImmutableArray<SecurityLabel> Apply(System.Collections.Immutable.ImmutableArray<SecurityLabel> labels) =>
        // CreateRange: one array of the exact size, none for a domain without labels (most of them).
        System.Collections.Immutable.ImmutableArray.CreateRange(labels, label =>
        {
            var type = label.Type ?? SecurityLabelType.Dynamic;
            return label with
            {
                Type = type,
                Relabel = type == SecurityLabelType.None ? label.Relabel : label.Relabel ?? type != SecurityLabelType.Static,
            };
        });
}
