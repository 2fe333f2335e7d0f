namespace DomainLauncher.Translator.Model;

/// <summary>
/// <see cref="Devices.CharDevicesOnce"/>: the serial, parallel, console and channel devices, in that order, each
/// element once (a console that is the view of a serial port is left out). Walked with foreach, no object made.
/// </summary>
public readonly struct CharDeviceElements(Devices devices)
{
    public Enumerator GetEnumerator() => new(devices);

    /// <summary>The devices of each list in turn: serials, parallels, consoles (but a serial port's), channels.</summary>
    public struct Enumerator(Devices devices)
    {
        private int _list;
        private int _next;

        public CharDevice Current { get; private set; } = null!;

        public bool MoveNext()
        {
            while (true)
            {
                var list = _list switch
                {
                    0 => devices.Serials,
                    1 => devices.Parallels,
                    2 => devices.Consoles,
                    3 => devices.Channels,
                    _ => default,
                };
                if (list.IsDefault) return false;
                if (_next >= list.Length)
                {
                    _list++;
                    _next = 0;
                    continue;
                }
                var device = list[_next++];
                if (_list == 2 && devices.IsSerialElement(device.Location)) continue;
                Current = device;
                return true;
            }
        }
    }
}
