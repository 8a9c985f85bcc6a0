using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.Tests.Auditing;

public sealed class AuditFileSinkTests
{
    [Fact]
    public async Task Lines_written_from_many_threads_all_arrive()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sink-{Guid.NewGuid():N}.jsonl");
        try
        {
            var sink = AuditFileSink.Acquire(path);
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => sink.Write(DateTimeOffset.UtcNow, "e", [("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture))]))));
            await sink.DisposeAsync();
            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(200, lines.Length);
            Assert.Equal(200, lines.Distinct().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
