using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// What the fuzz harness found (seed 1, input 957402): the writer gave a keyboard without a bus the
/// bus it would default to (USB), so the document it wrote was refused on reading (USB is disabled by
/// a usb controller of model 'none') although the one it read was valid. The writer writes the bus
/// the model holds.
/// </summary>
public sealed class WrittenDocumentReloadTests
{
    [Fact]
    public void A_keyboard_without_a_bus_beside_disabled_usb_writes_a_document_that_loads_again()
    {
        var loaded = DomainLoader.LoadText("""
            <domain type='kvm'><name>k</name><memory>65536</memory><os><type arch='x86_64' machine='q35'>hvm</type></os>
            <devices><controller type='usb' index='0' model='none'/><input type='mouse' bus='ps2'/><input type='keyboard'/></devices></domain>
            """, "k.xml");
        Assert.True(loaded.Domain is not null, string.Join("\n", loaded.Diagnostics.Select(d => d.Format())));

        var written = DomainXmlWriter.Write(loaded.Domain!);
        var reloaded = DomainLoader.LoadText(written, "written.xml");
        Assert.True(reloaded.Domain is not null, string.Join("\n", reloaded.Diagnostics.Select(d => d.Format())) + "\n" + written);
        Assert.Null(reloaded.Domain!.Devices.Inputs.Single(i => i.Type == Model.InputType.Keyboard).Bus);
    }
}
