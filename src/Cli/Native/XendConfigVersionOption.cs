using System.CommandLine;
using System.Globalization;
using DomainLauncher.Drivers.Xen.Target;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// <c>--xend-config-version N</c>, shared by the Xen formats of <c>to-native</c> and <c>from-native</c>:
/// the xend config version of the target host (its <c>xend_config_format</c>), 1 to 4. Without it
/// the newest the Xen driver supports is used (4, Xen 3.1.0 and later). Any other number is a usage
/// error, found before a file is read.
/// </summary>
internal static class XendConfigVersionOption
{
    public const int Default = XenTarget.MaxConfigVersion;

    public const string Name = "--xend-config-version";

    public static Option<int> Create()
    {
        var option = new Option<int>(Name)
        {
            Description = $"The xend config version of the Xen host, {XenTarget.MinConfigVersion} to {XenTarget.MaxConfigVersion} " +
                $"(1: Xen 3.0.2, 2: 3.0.3, 3: 3.0.4, 4: 3.1.0 and later; the default is the newest).",
            DefaultValueFactory = _ => Default,
            HelpName = "N",
        };
        option.Validators.Add(result =>
        {
            // A word that is not a number already has the parser's own error; only numbers are checked here.
            if (result.Tokens.Count == 0 || !int.TryParse(result.Tokens[^1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                return;
            if (value is < XenTarget.MinConfigVersion or > XenTarget.MaxConfigVersion)
                result.AddError($"{Name} {value} is not a xend config version; allowed: {XenTarget.MinConfigVersion} to {XenTarget.MaxConfigVersion}.");
        });
        return option;
    }
}
