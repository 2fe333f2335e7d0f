using DomainLauncher.HostRuntime.Helpers;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>Where kept state lives (issue 14): XDG_STATE_HOME, else ~/.local/state, and /var/lib for root without XDG_STATE_HOME.</summary>
public sealed class StateBasesTests
{
    private static Func<string, string?> Environment(string? xdgStateHome) => name => name == "XDG_STATE_HOME" ? xdgStateHome : null;

    [Theory]
    [InlineData("/home/ann/.state", 1000u, "/home/ann", "/home/ann/.state/domainlauncher")]
    [InlineData("/srv/state", 0u, "/root", "/srv/state/domainlauncher")]
    [InlineData(null, 1000u, "/home/ann", "/home/ann/.local/state/domainlauncher")]
    [InlineData("", 1000u, "/home/ann", "/home/ann/.local/state/domainlauncher")]
    [InlineData("relative/state", 1000u, "/home/ann", "/home/ann/.local/state/domainlauncher")]
    [InlineData(null, 0u, "/root", "/var/lib/domainlauncher")]
    public void The_state_base_follows_the_XDG_rule_and_root_s_system_folder(string? xdg, uint uid, string home, string expected) =>
        Assert.Equal(expected, StateBases.DefaultBase(Environment(xdg), uid, home));

    [Fact]
    public void A_domain_s_TPM_state_and_the_variable_stores_have_their_own_folders()
    {
        Assert.Equal("/s/web/tpm", StateBases.TpmStateFolder("/s", "web"));
        Assert.Equal("/s/nvram", StateBases.NvramFolder("/s"));
    }
}
