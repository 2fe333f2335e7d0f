using System.Text.Json;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>What QEMU answered to one QMP command: a <c>return</c> value or an <c>error</c>.</summary>
public abstract record QmpReply
{
    private protected QmpReply() { }
}

/// <summary>The command succeeded; <see cref="Value"/> is its <c>return</c> member (detached from the reply text).</summary>
public sealed record QmpReturn(JsonElement Value) : QmpReply;

/// <summary>The command failed; <see cref="Class"/> is QMP's error class (<c>CommandNotFound</c>, <c>GenericError</c>).</summary>
public sealed record QmpError(string Class, string Description) : QmpReply
{
    public override string ToString() => $"{Class}: {Description}";
}
