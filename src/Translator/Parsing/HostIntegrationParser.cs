using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;on_lockfailure&gt;</c>, <c>&lt;keywrap&gt;</c>, <c>&lt;perf&gt;</c> and <c>&lt;resource&gt;</c>.</summary>
internal static class HostIntegrationParser
{
    public static HostIntegration? Parse(ElementReader domain)
    {
        var lockFailure = domain.Child("on_lockfailure");
        var keywrap = domain.Child("keywrap");
        var perf = domain.Child("perf");
        var resource = domain.Child("resource");
        if (lockFailure is null && keywrap is null && perf is null && resource is null) return null;
        return new HostIntegration
        {
            OnLockFailure = lockFailure?.EnumText(HostIntegrationXml.LockFailure),
            KeyWrap = keywrap?.ChildrenParsed("cipher", cipher =>
            {
                var name = cipher.RequiredEnum("name", HostIntegrationXml.Cipher);
                var state = cipher.RequiredAttr("state") is null ? null : cipher.OnOff("state");
                return name is null || state is null ? null : new KeyWrapCipher(name.Value, state.Value);
            }) ?? [],
            PerfEvents = perf?.ChildrenParsed("event", perfEvent =>
            {
                var name = perfEvent.RequiredAttr("name");
                if (name is not null && !HostIntegrationXml.PerfEvents.Contains(name))
                {
                    perfEvent.AttrError("name", DiagnosticCatalog.UnknownEnumValue,
                        $"'{name}' is not a perf event; allowed: {string.Join(", ", HostIntegrationXml.PerfEvents)}");
                    return null;
                }
                var enabled = perfEvent.RequiredAttr("enabled") is null ? null : perfEvent.YesNo("enabled");
                return name is null || enabled is null ? null : new PerfEvent(name, enabled.Value);
            }) ?? [],
            Resource = resource is null
                ? null
                : new ResourcePartition
                {
                    Partition = resource.ChildTrimmedText("partition"),
                    FibreChannelAppId = resource.Child("fibrechannel")?.RequiredAttr("appid"),
                    Location = resource.Location,
                },
            Location = (lockFailure ?? keywrap ?? perf ?? resource)!.Location,
        };
    }
}
