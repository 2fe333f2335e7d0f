using DomainLauncher.HostRuntime.Helpers;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>Where kept state lives (issue 14): XDG_STATE_HOME, else ~/.local/state, and /var/lib for root without XDG_STATE_HOME.</summary>
public sealed class StateBasesTests
{
    private static Func<string, string?> Environment(string? xdgStateHome) => name => name == "XDG_STATE_HOME" ? xdgStateHome : null;

    [Theory]
    [InlineData("/home/ann/.state", false, "/home/ann", "/home/ann/.state/domainlauncher")]
    [InlineData("/srv/state", true, "/root", "/srv/state/domainlauncher")]
    [InlineData(null, false, "/home/ann", "/home/ann/.local/state/domainlauncher")]
    [InlineData("", false, "/home/ann", "/home/ann/.local/state/domainlauncher")]
    [InlineData("relative/state", false, "/home/ann", "/home/ann/.local/state/domainlauncher")]
    [InlineData(null, true, "/root", "/var/lib/domainlauncher")]
    public void The_state_base_follows_the_XDG_rule_and_root_s_system_folder(string? xdg, bool isRoot, string home, string expected) =>
        Assert.Equal(expected, StateBases.DefaultBase(Environment(xdg), isRoot, home));

    [Fact]
    public void A_domain_s_TPM_state_and_the_variable_stores_have_their_own_folders()
    {
        Assert.Equal("/s/web/tpm", StateBases.TpmStateFolder("/s", "web"));
        Assert.Equal("/s/nvram", StateBases.NvramFolder("/s"));
    }
}
