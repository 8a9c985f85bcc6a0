using MultiLanguageExample;

namespace Examples.Tests;

/// <summary>examples/MultiLanguage over real HTTP: three languages with their voices and fillers, hints and a pronunciation.</summary>
public sealed class MultiLanguageTests
{
    [Fact]
    public async Task The_document_lists_each_language_with_its_voice_and_fillers()
    {
        await using var server = await AgentTestServer.StartAsync(new Concierge(AgentTestServer.Options("concierge")));
        using var client = server.CreateClient();

        var ai = (await client.FetchSwmlAsync("call-1")).Ai();

        Assert.Equal(
            """[{"name":"English","code":"en-US","voice":"rime.spore","speech_fillers":["Let me see...","One moment..."],"function_fillers":["Checking that for you."]},{"name":"Spanish","code":"es-ES","voice":"rime.lupe","speech_fillers":["A ver...","Un momento..."],"function_fillers":["Lo compruebo enseguida."]},{"name":"French","code":"fr-FR","voice":"rime.juliette","speech_fillers":["Voyons...","Un instant..."],"function_fillers":["Je vérifie tout de suite."]}]""",
            ai["languages"]!.ToWireJson());
        Assert.Equal("""["Lumière","concierge","check-out"]""", ai["hints"]!.ToWireJson());
        Assert.Equal("""[{"replace":"Lumière","with":"loo-mee-air","ignore_case":true}]""", ai["pronounce"]!.ToWireJson());
    }

    [Fact]
    public async Task Its_tool_answers_in_any_language_session()
    {
        await using var server = await AgentTestServer.StartAsync(new Concierge(AgentTestServer.Options("concierge")));
        using var client = server.CreateClient();

        using var response = await client.PostJsonAsync("/swaig", SwaigRequests.Call("breakfast_hours"));

        Assert.Equal("""{"response":"Breakfast is served from 7 to 10:30 in the garden room."}""", await response.ReadTextAsync());
    }
}
