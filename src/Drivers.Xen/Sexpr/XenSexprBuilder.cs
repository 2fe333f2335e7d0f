using DomainLauncher.Drivers.Xen.Sexpr;
using DomainLauncher.Drivers.Xen.Sexpr.Emit;
using DomainLauncher.Drivers.Xen.Sexpr.Validate;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen;

/// <summary>
/// Turns a domain into the S-expression xend creates it from (<c>(vm ...)</c>), for one xend config
/// version. A pure function: validate (nothing is built when any error is found), build the tree
/// section by section, then write it.
/// </summary>
public static class XenSexprBuilder
{
    public static XenSexprResult Build(Domain domain, XenTarget target)
    {
        var ctx = new XenSexprContext(domain, target);
        var diagnostics = new DiagnosticBag();
        XenSexprValidator.Validate(ctx, diagnostics);
        if (diagnostics.HasErrors) return new XenSexprResult(null, null, diagnostics.ToList());

        var tree = BuildTree(ctx);
        if (SexprCharacterCheck.FirstForbidden(tree) is { } found)
        {
            // The tree keeps no locations; the domain's is the nearest, and the path names the value.
            diagnostics.Error(XenSexprDiagnostics.ForbiddenCharacter, domain.Location,
                $"the value in {found.Path} holds {XenForbiddenCharacters.Describe(found.Text, found.Index)} at character {found.Index + 1}:"
                + " a xend S-expression refuses control characters and non-characters");
            return new XenSexprResult(null, null, diagnostics.ToList());
        }
        return new XenSexprResult(tree, SexprWriter.Write(tree), diagnostics.ToList());
    }

    /// <summary>The order of sections xend expects, top to bottom.</summary>
    private static SexprList BuildTree(XenSexprContext ctx) => Sx.List("vm",
    [
        .. DomainEmitter.Emit(ctx),
        .. ImageEmitter.Emit(ctx),
        .. DiskEmitter.Emit(ctx),
        .. InterfaceEmitter.Emit(ctx),
        .. PciEmitter.Emit(ctx),
        .. GraphicsEmitter.GoesInImage(ctx) ? [] : GraphicsEmitter.AsDevices(ctx),
    ]);
}
