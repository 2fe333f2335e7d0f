using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;encryption&gt;</c>, wherever it stands (in the disk or in its source).</summary>
internal static class DiskEncryptionParser
{
    public static DiskEncryption Parse(ElementReader encryption)
    {
        var secrets = ImmutableArray.CreateBuilder<EncryptionSecret>();
        foreach (var secret in encryption.Children("secret"))
        {
            var type = secret.RequiredEnum("type", DiskXml.EncryptionSecret);
            var usage = secret.Attr("usage");
            var hasUuid = secret.HasAttribute("uuid");
            var uuid = DeviceValueParsers.Uuid(secret, "uuid");
            if (usage is null && !hasUuid)
                secret.Error(DiagnosticCatalog.MissingAttribute, "the secret needs a 'uuid' or a 'usage' attribute");
            else if (usage is not null && hasUuid)
                secret.Error(DiagnosticCatalog.InconsistentValue, "the secret takes a 'uuid' or a 'usage' attribute, not both");
            if (type is not null && (uuid is not null ^ usage is not null))
                secrets.Add(new EncryptionSecret { Type = type.Value, Uuid = uuid, Usage = usage });
        }
        return new DiskEncryption
        {
            Format = encryption.Enum("format", DiskXml.EncryptionFormat),
            Engine = encryption.Enum("engine", DiskXml.EncryptionEngine),
            Secrets = secrets.ToImmutable(),
            Cipher = encryption.Child("cipher") is { } cipher ? Cipher(cipher) : null,
            IvGen = encryption.Child("ivgen") is { } ivgen ? IvGen(ivgen) : null,
            Location = encryption.Location,
        };
    }

    private static EncryptionCipher? Cipher(ElementReader cipher)
    {
        var name = cipher.RequiredAttr("name");
        var size = cipher.RequiredAttr("size") is null ? null : cipher.UInt("size");
        var mode = cipher.Attr("mode");
        var hash = cipher.Attr("hash");
        return name is null || size is null ? null : new EncryptionCipher { Name = name, Size = size.Value, Mode = mode, Hash = hash };
    }

    private static EncryptionIvGen? IvGen(ElementReader ivgen)
    {
        var name = ivgen.RequiredAttr("name");
        var hash = ivgen.Attr("hash");
        return name is null ? null : new EncryptionIvGen { Name = name, Hash = hash };
    }
}
