using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;lease&gt;</c>: lockspace, key and the target holding the lease.</summary>
internal static class LeaseParser
{
    public static Lease? Parse(ElementReader lease)
    {
        var lockspace = lease.ChildTrimmedText("lockspace");
        var key = lease.ChildTrimmedText("key");
        if (key is null)
            lease.Error(DiagnosticCatalog.MissingElement, "missing required element <key>");
        else if (key.Length == 0)
            lease.Child("key")!.Error(DiagnosticCatalog.InvalidValue, "<key> must not be empty");

        var target = lease.Child("target");
        string? path = null;
        ulong? offset = null;
        if (target is null)
            lease.Error(DiagnosticCatalog.MissingElement, "missing required element <target>");
        else
        {
            path = target.RequiredAttr("path");
            offset = target.Unsigned("offset");
        }

        return string.IsNullOrEmpty(key) || path is null
            ? null
            : new Lease { Lockspace = lockspace, Key = key, TargetPath = path, TargetOffset = offset, Location = lease.Location };
    }
}
