using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DomainLauncher.Architecture.Tests;

/// <summary>
/// What a compiled assembly refers to, read from its metadata tables rather than its source: every
/// type it names anywhere (signatures and method bodies alike land in the TypeRef table), every
/// member of those types it calls, and the assemblies it references.
/// </summary>
internal sealed class AssemblyReferences
{
    private AssemblyReferences(IReadOnlySet<string> types, IReadOnlySet<string> members, IReadOnlySet<string> assemblies)
    {
        Types = types;
        Members = members;
        Assemblies = assemblies;
    }

    /// <summary>Full names of referenced types, nested ones as <c>Outer+Inner</c>.</summary>
    public IReadOnlySet<string> Types { get; }

    /// <summary>Referenced members as <c>Type::Member</c> (property getters as <c>get_Name</c>).</summary>
    public IReadOnlySet<string> Members { get; }

    /// <summary>Names of referenced assemblies.</summary>
    public IReadOnlySet<string> Assemblies { get; }

    public static AssemblyReferences Of(System.Reflection.Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences) types.Add(FullName(metadata, handle));
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
                members.Add(FullName(metadata, (TypeReferenceHandle)member.Parent) + "::" + metadata.GetString(member.Name));
        }
        var assemblies = metadata.AssemblyReferences
            .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .ToHashSet(StringComparer.Ordinal);
        return new AssemblyReferences(types, members, assemblies);
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return FullName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
