namespace Portal.Web.Components.Shared;

/// <summary>
/// At most one log line per interval from a source that anyone can set off at will (refused hub calls of one connection,
/// pauses of user names that are no account), so nobody can fill the log; the next line says how many were left out.
/// Thread-safe.
/// </summary>
public sealed class LogInterval(TimeSpan interval)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastLogged;
    private int _leftOut;

    /// <summary>
    /// True when a line may be written now, with how many were left out since the last one; false (and counted as left
    /// out) while the interval since the last line runs.
    /// </summary>
    public bool TryTake(DateTimeOffset now, out int leftOut)
    {
        lock (_gate)
        {
            if (_lastLogged is { } last && now - last < interval)
            {
                _leftOut++;
                leftOut = 0;
                return false;
            }
            leftOut = _leftOut;
            _lastLogged = now;
            _leftOut = 0;
            return true;
        }
    }
}
