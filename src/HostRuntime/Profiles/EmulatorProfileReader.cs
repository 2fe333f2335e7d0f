using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// Reads a profile document (what <see cref="EmulatorProfileFile.ToJson"/> writes) from its UTF-8 bytes
/// in one pass of <see cref="Utf8JsonReader"/>, member by member as the document's shape prescribes:
/// every required member present with the right type, no unknown member, no member or table key twice,
/// names strings (never null). The file is untrusted, so its size, depth, list lengths and string
/// lengths are bounded, and the work is linear in its size. The <c>format</c> and <c>version</c> decide
/// first: a document that fails and is of another format or version is refused for that (and a
/// document that is not JSON, for its syntax), so that a newer profile is refused for its version, not
/// for its shape. Every refusal is one <see cref="ProbeDiagnostics.ProfileInvalid"/> diagnostic naming
/// the member (<c>$.probe.machines[3].alias</c>) and what is wrong, located at its line and column,
/// which are counted only then.
/// </summary>
public static class EmulatorProfileReader
{
    /// <summary>The largest document read (a QEMU 7.2 profile is about 135 KB).</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The most names in one list, and entries in one table or array.</summary>
    public const int MaxListLength = 65_536;

    /// <summary>The longest string, in UTF-8 bytes (the longest <c>-help</c> synopsis of QEMU 7.2 is 828).</summary>
    public const int MaxStringBytes = 16_384;

    /// <summary>Deeper than any profile (it nests seven deep), and shallow enough to skip an unknown member cheaply.</summary>
    private const int MaxDepth = 16;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    public static ProfileReadResult Read(ReadOnlySpan<byte> utf8, string file) => Read(utf8, default, file);

    /// <summary>
    /// Reads a document it may keep: the probe's CPU views, when written as this tool writes them (<see cref="CompactAcceleratorCpus"/>),
    /// are kept as their text and read on first use (<see cref="ProbedAcceleratorCpusSource"/>), since most users of a profile never ask.
    /// </summary>
    public static ProfileReadResult Read(byte[] utf8, string file) => Read(utf8, utf8, file);

    private static ProfileReadResult Read(ReadOnlySpan<byte> utf8, ReadOnlyMemory<byte> kept, string file)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
            kept = kept.IsEmpty ? kept : kept[3..];
        }
        if (utf8.Length > MaxDocumentBytes)
            return Failed(SourceLocation.OfFile(file), $"the document is {utf8.Length} bytes; a profile is at most {MaxDocumentBytes} bytes");
        try
        {
            return new ProfileReadResult(new Document(utf8, kept).ReadProfile(), []);
        }
        catch (Exception e) when (e is JsonException or ShapeException)
        {
            return Refusal(utf8, file, e);
        }
    }

    /// <summary>The diagnostic for a document that failed: bad JSON, else another format or version, else <paramref name="failure"/>.</summary>
    private static ProfileReadResult Refusal(ReadOnlySpan<byte> utf8, string file, Exception failure)
    {
        string? header;
        try
        {
            header = HeaderProblem(utf8);
        }
        catch (JsonException syntax)
        {
            failure = syntax;
            header = null;
        }
        if (header is not null) return Failed(SourceLocation.OfFile(file), header);
        return failure switch
        {
            ShapeException shape => Failed(At(utf8, file, shape.Offset), shape.Message),
            JsonException { LineNumber: { } line } syntax =>
                Failed(new SourceLocation(file, (int)line + 1, (int)(syntax.BytePositionInLine ?? 0) + 1, ""), ReaderWords(syntax)),
            _ => Failed(SourceLocation.OfFile(file), ReaderWords((JsonException)failure)),
        };
    }

    /// <summary>What is wrong with the document's <c>format</c> or <c>version</c>, or null when both are this build's.</summary>
    private static string? HeaderProblem(ReadOnlySpan<byte> utf8)
    {
        var json = new Utf8JsonReader(utf8, Options);
        json.Read();
        if (json.TokenType != JsonTokenType.StartObject) return $"expected a JSON object, found {Token(json.TokenType)}";
        string? format = null, version = null;
        var formatMatches = false;
        var versionMatches = false;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isFormat = json.ValueTextEquals("format"u8);
            var isVersion = json.ValueTextEquals("version"u8);
            json.Read();
            if (isFormat)
            {
                format = Raw(utf8, ref json);
                formatMatches = json.TokenType == JsonTokenType.String && json.ValueTextEquals(EmulatorProfile.FormatName);
            }
            else if (isVersion)
            {
                version = Raw(utf8, ref json);
                versionMatches = json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var number) && number == EmulatorProfile.CurrentVersion;
            }
            json.Skip();
        }
        // What follows the object is read too, so that bad JSON anywhere is found here, located by this fresh reader.
        json.Read();
        if (!formatMatches)
            return $"not an emulator profile: \"format\" must be \"{EmulatorProfile.FormatName}\"" + (format is null ? " and is missing" : $", found {format}");
        if (!versionMatches)
            return $"profile version {version ?? "missing"} is not supported; this build reads version {EmulatorProfile.CurrentVersion}";
        return null;
    }

    /// <summary>The JSON text of the value at <paramref name="json"/>: the token itself, or what kind of container it is.</summary>
    private static string Raw(ReadOnlySpan<byte> utf8, ref Utf8JsonReader json) =>
        json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
            ? Token(json.TokenType)
            : Encoding.UTF8.GetString(utf8[(int)json.TokenStartIndex..(int)json.BytesConsumed]);

    /// <summary>The JSON reader's words without its "LineNumber: ..." tail (the location says it).</summary>
    private static string ReaderWords(JsonException e)
    {
        var message = e.Message;
        var tail = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (tail >= 0) message = message[..tail];
        return message.TrimEnd('.', ' ');
    }

    /// <summary>The line and column (1-based, the column in bytes as the JSON reader counts it) of a byte offset.</summary>
    private static SourceLocation At(ReadOnlySpan<byte> utf8, string file, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new SourceLocation(file, line, column, "");
    }

    /// <summary>Whether a plain name may hold the byte: printable ASCII but the quote and the backslash (no escape needed, nothing to decode).</summary>
    internal static bool IsPlainByte(byte b) => b is >= (byte)' ' and <= (byte)'~' and not ((byte)'"' or (byte)'\\');

    /// <summary>The bytes a plain name is made of (<see cref="IsPlainByte"/>).</summary>
    private static readonly SearchValues<byte> PlainText = SearchValues.Create(PlainBytes());

    internal static byte[] PlainBytes()
    {
        var bytes = new List<byte>();
        for (var b = (byte)0; b < 0x80; b++)
            if (IsPlainByte(b)) bytes.Add(b);
        return [.. bytes];
    }

    /// <summary>
    /// The string of ASCII bytes, widened as Latin-1 (of which ASCII is the first half): no validation, no delegate, and
    /// without the UTF-8 decoder's two passes.
    /// </summary>
    private static string AsciiString(ReadOnlySpan<byte> ascii) => Encoding.Latin1.GetString(ascii);

    internal static string Token(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var other => other.ToString(),
    };

    private static ProfileReadResult Failed(SourceLocation where, string message) =>
        new(null, [new Diagnostic(ProbeDiagnostics.ProfileInvalid, Severity.Error, message, where)]);

    /// <summary>A document that is JSON but not a profile: the message (led by the member's path) and where the offending token starts.</summary>
    private sealed class ShapeException(long offset, string message) : Exception(message)
    {
        public long Offset { get; } = offset;
    }

    /// <summary>The members an object of the document has, in the order they are written; all are <see cref="Required"/> but the optional one.</summary>
    internal sealed class Shape
    {
        public Shape(string[] names, string? optional = null)
        {
            Names = names;
            Utf8 = new byte[names.Length][];
            for (var i = 0; i < names.Length; i++)
            {
                Utf8[i] = Encoding.UTF8.GetBytes(names[i]);
                if (names[i] != optional) Required |= 1u << i;
            }
        }

        public string[] Names { get; }

        public byte[][] Utf8 { get; }

        public uint Required { get; }
    }

    private static readonly Shape ProfileShape = new(["format", "version", "binary", "probedAt", "probe"]);
    private static readonly Shape BinaryShape = new(["path", "size", "modified"]);
    private static readonly Shape ProbeShape = new(
        ["path", "arch", "version", "package", "commands", "commandLineOptions", "deviceTypes", "objectTypes", "deviceProperties",
         "machines", "cpuModels", "acceleratorCpus", "accelerators", "kvmBuiltIn", "helpOptions", "events", "commandFeatures"],
        optional: "acceleratorCpus");
    private static readonly Shape MachineShape = new(["name", "alias", "isDefault", "maxCpus", "deprecated"]);
    internal static readonly Shape AcceleratorCpusShape = new(["accelerator", "definitions", "expandedModel", "featuresOn", "featuresOff"]);
    internal static readonly Shape CpuDefinitionShape = new(["name", "aliasOf", "static", "migrationSafe", "deprecated", "unavailableFeatures"]);

    /// <summary>One step of the path to the value being read: a member's name, or an element's index.</summary>
    private readonly record struct Step(string? Member, int Index);

    /// <summary>An object being read: its shape, where its path starts, the members seen so far and where it opened.</summary>
    private struct ObjectScope(Shape shape, int depth, long start)
    {
        public readonly Shape Shape = shape;
        public readonly int Depth = depth;
        public readonly long Start = start;
        public uint Seen;

        /// <summary>The index of the member after the one read last.</summary>
        public int Expected;
    }

    /// <summary>An array being read: where its path starts and the index of the element read last.</summary>
    private struct ArrayScope(int depth)
    {
        public readonly int Depth = depth;
        public int Index = -1;
    }

    /// <summary>
    /// The CPU views of a probe from their compact text, which <see cref="CompactAcceleratorCpus"/> accepted (so this
    /// does not fail); a failure would be this tool's error, not the document's.
    /// </summary>
    private static ImmutableArray<ProbedAcceleratorCpus> ReadAcceleratorCpus(ReadOnlyMemory<byte> text)
    {
        try
        {
            var document = new Document(text.Span, default);
            return document.ReadAcceleratorCpusAlone();
        }
        catch (Exception e) when (e is JsonException or ShapeException)
        {
            throw new InvalidOperationException($"CPU views accepted as compact could not be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// The reading pass: a <see cref="Utf8JsonReader"/> with the path to where it is, for messages. <paramref name="kept"/>, when
    /// not empty, is <paramref name="utf8"/> as memory the result may keep.
    /// </summary>
    private ref struct Document(ReadOnlySpan<byte> utf8, ReadOnlyMemory<byte> kept)
    {
        private readonly ReadOnlySpan<byte> _utf8 = utf8;
        private readonly ReadOnlyMemory<byte> _kept = kept;
        private Utf8JsonReader _json = new(utf8, Options);
        // Where the reader's slice of the document starts (it is restarted after a list read by SimpleNames).
        private int _base;
        private readonly Step[] _path = new Step[MaxDepth + 1];
        private int _depth;
        private string[] _names = new string[256];

        public EmulatorProfile ReadProfile()
        {
            Next();
            var scope = BeginObject(ProfileShape);
            string? format = null;
            var version = 0;
            EmulatorBinary? binary = null;
            DateTimeOffset probedAt = default;
            ProbeResult? probe = null;
            while (NextMember(ref scope) is { } member)
            {
                switch (member)
                {
                    case "format": format = String(); break;
                    case "version": version = Int32(); break;
                    case "binary": binary = ReadBinary(); break;
                    case "probedAt": probedAt = Time(); break;
                    case "probe": probe = ReadProbe(); break;
                }
                // The header decides before the rest is read (HeaderProblem says what is wrong with it).
                if ((member == "format" && format != EmulatorProfile.FormatName) || (member == "version" && version != EmulatorProfile.CurrentVersion))
                    throw Wrong("not this build's format or version");
            }
            EndObject(scope);
            // Only white space may follow: anything else is a JSON error the reader throws here.
            _json.Read();
            return new EmulatorProfile { Format = format!, Version = version, Binary = binary!, ProbedAt = probedAt, Probe = probe! };
        }

        private EmulatorBinary ReadBinary()
        {
            var scope = BeginObject(BinaryShape);
            string? path = null;
            long size = 0;
            DateTimeOffset modified = default;
            while (NextMember(ref scope) is { } member)
            {
                switch (member)
                {
                    case "path": path = String(); break;
                    case "size": size = Int64(); break;
                    case "modified": modified = Time(); break;
                }
            }
            EndObject(scope);
            return new EmulatorBinary(path!, size, modified);
        }

        private ProbeResult ReadProbe()
        {
            var scope = BeginObject(ProbeShape);
            string? path = null, arch = null, package = null;
            QemuVersion version = default;
            ImmutableArray<string> commands = [], deviceTypes = [], objectTypes = [], cpuModels = [], accelerators = [], events = [];
            NameTable? options = null, properties = null, help = null, features = null;
            ImmutableArray<ProbedMachine> machines = [];
            var acceleratorCpus = ProbedAcceleratorCpusSource.Empty;
            bool? kvmBuiltIn = null;
            while (NextMember(ref scope) is { } member)
            {
                switch (member)
                {
                    case "path": path = String(); break;
                    case "arch": arch = String(); break;
                    case "version": version = Version(); break;
                    case "package": package = String(); break;
                    case "commands": commands = Names(); break;
                    case "commandLineOptions": options = Table(); break;
                    case "deviceTypes": deviceTypes = Names(); break;
                    case "objectTypes": objectTypes = Names(); break;
                    case "deviceProperties": properties = Table(); break;
                    case "machines": machines = Machines(); break;
                    case "cpuModels": cpuModels = Names(); break;
                    case "acceleratorCpus": acceleratorCpus = AcceleratorCpusSource(); break;
                    case "accelerators": accelerators = Names(); break;
                    case "kvmBuiltIn": kvmBuiltIn = BooleanOrNull(); break;
                    case "helpOptions": help = Table(); break;
                    case "events": events = Names(); break;
                    case "commandFeatures": features = Table(); break;
                }
            }
            EndObject(scope);
            return new ProbeResult
            {
                Path = path!, Arch = arch!, Version = version, Package = package!,
                Commands = commands, CommandLineOptions = options!, DeviceTypes = deviceTypes, ObjectTypes = objectTypes,
                DeviceProperties = properties!, Machines = machines, CpuModels = cpuModels, AcceleratorCpusSource = acceleratorCpus,
                Accelerators = accelerators, KvmBuiltIn = kvmBuiltIn, HelpOptions = help!, Events = events, CommandFeatures = features!,
            };
        }

        private ImmutableArray<ProbedMachine> Machines()
        {
            var machines = ImmutableArray.CreateBuilder<ProbedMachine>();
            var array = BeginArray();
            while (NextElement(ref array))
            {
                var scope = BeginObject(MachineShape);
                string? name = null, alias = null;
                bool isDefault = false, deprecated = false;
                int? maxCpus = null;
                while (NextMember(ref scope) is { } member)
                {
                    switch (member)
                    {
                        case "name": name = String(); break;
                        case "alias": alias = StringOrNull(); break;
                        case "isDefault": isDefault = Boolean(); break;
                        case "maxCpus": maxCpus = Int32OrNull(); break;
                        case "deprecated": deprecated = Boolean(); break;
                    }
                }
                EndObject(scope);
                machines.Add(new ProbedMachine(name!) { Alias = alias, IsDefault = isDefault, MaxCpus = maxCpus, Deprecated = deprecated });
            }
            return machines.DrainToImmutable();
        }

        /// <summary>
        /// The probe's CPU views: kept as text, to be read on first use, when the document may be kept and they are written as
        /// this tool writes them; else read now (which says what is wrong with them).
        /// </summary>
        private ProbedAcceleratorCpusSource AcceleratorCpusSource()
        {
            if (_kept.IsEmpty || _json.TokenType != JsonTokenType.StartArray) return new ProbedAcceleratorCpusSource(AcceleratorCpus());
            var start = _base + (int)_json.TokenStartIndex;
            var length = CompactAcceleratorCpus.Length(_utf8[start..]);
            if (length < 0) return new ProbedAcceleratorCpusSource(AcceleratorCpus());
            ResumeAt(start + length - 1);
            return new ProbedAcceleratorCpusSource(_kept.Slice(start, length), ReadAcceleratorCpus);
        }

        /// <summary>A document that is only the CPU views (what <see cref="AcceleratorCpusSource"/> kept), read in full.</summary>
        public ImmutableArray<ProbedAcceleratorCpus> ReadAcceleratorCpusAlone()
        {
            Push(new Step("probe", 0));
            Push(new Step("acceleratorCpus", 0));
            Next();
            var views = AcceleratorCpus();
            _json.Read();
            return views;
        }

        private ImmutableArray<ProbedAcceleratorCpus> AcceleratorCpus()
        {
            var accelerators = ImmutableArray.CreateBuilder<ProbedAcceleratorCpus>();
            var array = BeginArray();
            while (NextElement(ref array))
            {
                var scope = BeginObject(AcceleratorCpusShape);
                string? accelerator = null, expandedModel = null;
                ImmutableArray<ProbedCpuDefinition> definitions = [];
                ImmutableArray<string> on = [], off = [];
                while (NextMember(ref scope) is { } member)
                {
                    switch (member)
                    {
                        case "accelerator": accelerator = String(); break;
                        case "definitions": definitions = CpuDefinitions(); break;
                        case "expandedModel": expandedModel = StringOrNull(); break;
                        case "featuresOn": on = Names(); break;
                        case "featuresOff": off = Names(); break;
                    }
                }
                EndObject(scope);
                accelerators.Add(new ProbedAcceleratorCpus(accelerator!) { Definitions = definitions, ExpandedModel = expandedModel, FeaturesOn = on, FeaturesOff = off });
            }
            return accelerators.DrainToImmutable();
        }

        private ImmutableArray<ProbedCpuDefinition> CpuDefinitions()
        {
            var definitions = ImmutableArray.CreateBuilder<ProbedCpuDefinition>();
            var array = BeginArray();
            while (NextElement(ref array))
            {
                var scope = BeginObject(CpuDefinitionShape);
                string? name = null, aliasOf = null;
                bool isStatic = false, migrationSafe = false, deprecated = false;
                ImmutableArray<string> unavailable = [];
                while (NextMember(ref scope) is { } member)
                {
                    switch (member)
                    {
                        case "name": name = String(); break;
                        case "aliasOf": aliasOf = StringOrNull(); break;
                        case "static": isStatic = Boolean(); break;
                        case "migrationSafe": migrationSafe = Boolean(); break;
                        case "deprecated": deprecated = Boolean(); break;
                        case "unavailableFeatures": unavailable = Names(); break;
                    }
                }
                EndObject(scope);
                definitions.Add(new ProbedCpuDefinition(name!)
                {
                    AliasOf = aliasOf, Static = isStatic, MigrationSafe = migrationSafe, Deprecated = deprecated, UnavailableFeatures = unavailable,
                });
            }
            return definitions.DrainToImmutable();
        }

        /// <summary>A JSON object of string arrays.</summary>
        private NameTable Table()
        {
            Expect(JsonTokenType.StartObject, "an object of string arrays");
            var start = Offset;
            var depth = _depth;
            var keys = new List<string>();
            var values = new List<ImmutableArray<string>>();
            while (Next() == JsonTokenType.PropertyName)
            {
                if (keys.Count == MaxListLength) throw Wrong($"more than {MaxListLength} entries");
                var key = Text();
                _depth = depth;
                Push(new Step(key, 0));
                Next();
                keys.Add(key);
                values.Add(Names());
            }
            _depth = depth;
            return NameTable.TryCreate([.. keys], [.. values], out var twice) ?? throw new ShapeException(start, $"{PathText()}: '{twice}' appears twice");
        }

        /// <summary>A JSON array of strings.</summary>
        private ImmutableArray<string> Names()
        {
            Expect(JsonTokenType.StartArray, "an array of strings");
            if (SimpleNames() is { } simple) return simple;
            var count = 0;
            var array = BeginArray();
            while (NextElement(ref array))
            {
                if (count == _names.Length) Array.Resize(ref _names, count * 2);
                _names[count++] = String();
            }
            return ImmutableArray.Create(_names.AsSpan(0, count));
        }

        /// <summary>
        /// The list the reader is at the start of, read straight from the bytes when it is what profiles hold:
        /// plain ASCII strings (no escape, no control character) between commas and white space, within the
        /// bounds. The reader then resumes at the closing bracket, in the state it had at the opening one.
        /// Null for anything else, with nothing read: the list is then read token by token, which says what
        /// is wrong with it. Most of a profile is such lists, and this costs a fraction of reading them as tokens.
        /// </summary>
        private ImmutableArray<string>? SimpleNames()
        {
            var start = _base + (int)_json.BytesConsumed;
            var list = _utf8[start..];
            var count = 0;
            var at = SkipSpace(list, 0);
            if (at < list.Length && list[at] != (byte)']')
            {
                while (true)
                {
                    if (at >= list.Length || list[at] != (byte)'"') return null;
                    var length = list[(at + 1)..].IndexOfAnyExcept(PlainText);
                    if (length < 0 || list[at + 1 + length] != (byte)'"' || length > MaxStringBytes || count == MaxListLength) return null;
                    if (count == _names.Length) Array.Resize(ref _names, count * 2);
                    _names[count++] = AsciiString(list.Slice(at + 1, length));
                    at = SkipSpace(list, at + length + 2);
                    if (at >= list.Length || list[at] != (byte)',') break;
                    at = SkipSpace(list, at + 1);
                }
            }
            if (at >= list.Length || list[at] != (byte)']') return null;
            ResumeAt(start + at);
            return ImmutableArray.Create(_names.AsSpan(0, count));
        }

        /// <summary>
        /// Moves the reader, at the opening bracket of an array read straight from the bytes, to its closing bracket at
        /// <paramref name="closing"/>, in the state it had at the opening one.
        /// </summary>
        private void ResumeAt(int closing)
        {
            _base = closing;
            _json = new Utf8JsonReader(_utf8[_base..], isFinalBlock: true, _json.CurrentState);
            Next();
        }

        private static int SkipSpace(ReadOnlySpan<byte> text, int at)
        {
            // Most often there is none (after a name's closing quote, and anywhere in a probe cache entry): no search then.
            if (at < text.Length && text[at] > (byte)' ') return at;
            var space = text[at..].IndexOfAnyExcept(" \n\r\t"u8);
            return space < 0 ? text.Length : at + space;
        }

        private ObjectScope BeginObject(Shape shape)
        {
            Expect(JsonTokenType.StartObject, "an object");
            return new ObjectScope(shape, _depth, Offset);
        }

        /// <summary>The next member's name (the shape's own string), with the reader on its value; null at the end of the object.</summary>
        private string? NextMember(ref ObjectScope scope)
        {
            _depth = scope.Depth;
            if (Next() != JsonTokenType.PropertyName) return null;
            var names = scope.Shape.Utf8;
            // The members of a document this tool wrote come in the shape's order: the one after the last is tried first.
            var i = scope.Expected < names.Length && IsName(names[scope.Expected]) ? scope.Expected : Find(names);
            if (i < 0) throw Wrong($"unknown member '{Text()}'");
            var member = scope.Shape.Names[i];
            if ((scope.Seen & (1u << i)) != 0) throw Wrong($"member '{member}' appears twice");
            scope.Seen |= 1u << i;
            scope.Expected = i + 1;
            Push(new Step(member, 0));
            Next();
            return member;
        }

        /// <summary>The index of the shape's name the reader is at, or -1.</summary>
        private readonly int Find(byte[][] names)
        {
            for (var i = 0; i < names.Length; i++)
                if (IsName(names[i])) return i;
            return -1;
        }

        /// <summary>Whether the property name the reader is at is <paramref name="name"/>: its bytes compared, unless it is escaped.</summary>
        private readonly bool IsName(byte[] name) =>
            _json.ValueIsEscaped || _json.HasValueSequence ? _json.ValueTextEquals(name) : _json.ValueSpan.SequenceEqual(name);

        private void EndObject(ObjectScope scope)
        {
            var missing = scope.Shape.Required & ~scope.Seen;
            if (missing == 0) return;
            var names = new List<string>();
            for (var i = 0; i < scope.Shape.Names.Length; i++)
                if ((missing & (1u << i)) != 0) names.Add($"'{scope.Shape.Names[i]}'");
            _depth = scope.Depth;
            throw new ShapeException(scope.Start, $"{PathText()}: missing required members: {string.Join(", ", names)}");
        }

        private ArrayScope BeginArray()
        {
            Expect(JsonTokenType.StartArray, "an array");
            return new ArrayScope(_depth);
        }

        /// <summary>Moves to the next element (true) or past the end of the array (false).</summary>
        private bool NextElement(ref ArrayScope scope)
        {
            _depth = scope.Depth;
            if (Next() == JsonTokenType.EndArray) return false;
            if (++scope.Index == MaxListLength) throw Wrong($"more than {MaxListLength} elements");
            Push(new Step(null, scope.Index));
            return true;
        }

        private string String()
        {
            Expect(JsonTokenType.String, "a string");
            return Text();
        }

        private string? StringOrNull() => _json.TokenType == JsonTokenType.Null ? null : String();

        private bool Boolean() => _json.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            var other => throw Wrong($"expected a boolean, found {Token(other)}"),
        };

        private bool? BooleanOrNull() => _json.TokenType == JsonTokenType.Null ? null : Boolean();

        private int Int32()
        {
            Expect(JsonTokenType.Number, "an integer");
            return _json.TryGetInt32(out var value) ? value : throw Wrong($"expected a 32-bit integer, found {Encoding.UTF8.GetString(_json.ValueSpan)}");
        }

        private int? Int32OrNull() => _json.TokenType == JsonTokenType.Null ? null : Int32();

        private long Int64()
        {
            Expect(JsonTokenType.Number, "an integer");
            return _json.TryGetInt64(out var value) ? value : throw Wrong($"expected a 64-bit integer, found {Encoding.UTF8.GetString(_json.ValueSpan)}");
        }

        private DateTimeOffset Time()
        {
            Expect(JsonTokenType.String, "a date and time");
            return _json.TryGetDateTimeOffset(out var value) ? value : throw Wrong($"'{Text()}' is not an ISO 8601 date and time");
        }

        private QemuVersion Version()
        {
            var text = String();
            return QemuVersion.Parse(text) ?? throw Wrong($"'{text}' is not a QEMU version (MAJOR.MINOR.MICRO)");
        }

        /// <summary>The current string or property name, unescaped.</summary>
        private readonly string Text()
        {
            var length = _json.HasValueSequence ? _json.ValueSequence.Length : _json.ValueSpan.Length;
            if (length > MaxStringBytes) throw Wrong($"a string of {length} bytes; at most {MaxStringBytes} are read");
            if (!_json.ValueIsEscaped && !_json.HasValueSequence && Ascii.IsValid(_json.ValueSpan)) return AsciiString(_json.ValueSpan);
            try
            {
                return _json.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // The reader finds invalid UTF-8 (or an escaped lone surrogate) only when it decodes the string.
                throw Wrong("a string that is not valid UTF-8");
            }
        }

        private readonly void Expect(JsonTokenType token, string what)
        {
            if (_json.TokenType != token) throw Wrong($"expected {what}, found {Token(_json.TokenType)}");
        }

        private JsonTokenType Next()
        {
            if (!_json.Read()) throw Wrong("the document ends early");
            return _json.TokenType;
        }

        private void Push(Step step)
        {
            // The reader's own depth limit (MaxDepth) keeps this within the array.
            _path[_depth++] = step;
        }

        /// <summary>Where the current token starts in the document.</summary>
        private readonly long Offset => _base + _json.TokenStartIndex;

        private readonly ShapeException Wrong(string message) => new(Offset, $"{PathText()}: {message}");

        /// <summary>The path to the value being read, as System.Text.Json writes one: <c>$.probe.helpOptions['drive']</c>, <c>$.probe.machines[3]</c>.</summary>
        private readonly string PathText()
        {
            var text = new StringBuilder("$");
            foreach (var step in _path.AsSpan(0, _depth))
            {
                if (step.Member is null) text.Append('[').Append(step.Index).Append(']');
                else if (IsPlain(step.Member)) text.Append('.').Append(step.Member);
                else text.Append("['").Append(step.Member.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
            return text.ToString();
        }

        private static bool IsPlain(string member)
        {
            foreach (var c in member)
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-')) return false;
            return member.Length > 0;
        }
    }
}
