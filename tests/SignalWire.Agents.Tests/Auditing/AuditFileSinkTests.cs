using System.Text.Json;
using SignalWire.Agents.Auditing;

namespace SignalWire.Agents.Tests.Auditing;

public sealed class AuditFileSinkTests
{
    [Fact]
    public async Task Lines_written_from_many_threads_all_arrive()
    {
        await WithTempFileAsync(async path =>
        {
            var sink = AuditFileSink.Acquire(path);
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => sink.Write(DateTimeOffset.UtcNow, "e", [(JsonEncodedText.Encode("i"), i.ToString(System.Globalization.CultureInfo.InvariantCulture))]))));
            await sink.DisposeAsync();
            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(200, lines.Length);
            Assert.Equal(200, lines.Distinct().Count());
        });
    }

    [Fact]
    public async Task Bursts_and_pauses_lose_nothing_and_keep_lines_whole()
    {
        await WithTempFileAsync(async path =>
        {
            var sink = AuditFileSink.Acquire(path);
            for (var burst = 0; burst < 20; burst++)
            {
                // The writer goes idle between bursts; each burst must wake it again.
                await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
                {
                    for (var i = 0; i < 250; i++)
                    {
                        sink.Write(DateTimeOffset.UtcNow, "e", [(JsonEncodedText.Encode("n"), $"{burst}-{t}-{i}"), (JsonEncodedText.Encode("pad"), new string('x', i * 3))]);
                    }
                })));
                await Task.Delay(burst % 3, TestContext.Current.CancellationToken);
            }

            await sink.DisposeAsync();
            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(20 * 4 * 250, lines.Length);
            Assert.Equal(lines.Length, lines.Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["n"]!.GetValue<string>()).Distinct().Count());
        });
    }

    [Fact]
    public async Task A_line_written_while_the_sink_closes_never_throws_on_the_request_path()
    {
        await WithTempFileAsync(async path =>
        {
            var sink = AuditFileSink.Acquire(path);
            sink.Write(DateTimeOffset.UtcNow, "before", []);
            // Let the writer flush the line and go idle, so that closing wakes an idle writer (the case where a
            // late line would signal a writer that has already stopped).
            for (var i = 0; i < 500 && new FileInfo(path).Length == 0; i++)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
            await sink.DisposeAsync();

            var late = Record.Exception(() => sink.Write(DateTimeOffset.UtcNow, "after", []));

            Assert.Null(late);
            Assert.Single(await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken), l => l.Contains("\"event\":\"before\"", StringComparison.Ordinal));
        });
    }

    private static async Task WithTempFileAsync(Func<string, Task> test)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sink-{Guid.NewGuid():N}.jsonl");
        try
        {
            await test(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
