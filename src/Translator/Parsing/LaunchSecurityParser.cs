using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;launchSecurity type='sev|s390-pv'&gt;</c>.</summary>
internal static class LaunchSecurityParser
{
    public static LaunchSecurity? Parse(ElementReader domain)
    {
        var security = domain.Child("launchSecurity");
        if (security is null) return null;
        var type = security.RequiredEnum("type", LaunchSecurityXml.Type);
        if (type is null) return null;
        if (type == LaunchSecurityType.S390Pv) return new LaunchSecurity { Type = type.Value, Location = security.Location };
        var policy = security.Child("policy");
        if (policy is null) security.Error(DiagnosticCatalog.MissingElement, "SEV needs a <policy>");
        return new LaunchSecurity
        {
            Type = type.Value,
            KernelHashes = security.YesNo("kernelHashes"),
            CbitPos = (uint?)security.Child("cbitpos")?.UnsignedText(uint.MaxValue),
            ReducedPhysBits = (uint?)security.Child("reducedPhysBits")?.UnsignedText(uint.MaxValue),
            Policy = policy is null ? null : HexText(policy),
            Handle = (uint?)security.Child("handle")?.UnsignedText(uint.MaxValue),
            DhCert = security.ChildText("dhCert"),
            Session = security.ChildText("session"),
            Location = security.Location,
        };
    }

    /// <summary>The policy is a 32-bit number, always hexadecimal (the grammar's hexuint: 0x optional).</summary>
    private static uint? HexText(ElementReader policy)
    {
        var text = policy.Text.Trim();
        var digits = text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text;
        if (digits.Length > 0 && digits.All(char.IsAsciiHexDigit)
            && uint.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value))
            return value;
        policy.Error(DiagnosticCatalog.InvalidNumber, $"'{text}' is not a 32-bit policy (e.g. 0x0003)");
        return null;
    }
}
