using SignalWire.Agents.Prefabs;

namespace SignalWire.Agents.AspNetCore.Tests.Prefabs;

public sealed class FaqBotAgentTests : ServedAgentTest<FaqBotAgent>
{
    public FaqBotAgentTests()
        : base(new FaqBotAgent(new FaqBotOptions
            {
                Faqs =
                [
                    new("What are your opening hours?", "We are open 9 to 5, Monday to Friday.", ["general"]),
                    new("How do I reset my password?", "Use the 'Forgot password' link on the sign-in page.", ["account"]),
                    new("How do I close my account?", "Call us and we will close it after confirming your identity.", ["account"]),
                    new("Do you ship abroad?", "Yes, to the EU and North America.", ["shipping"]),
                ],
                Agent = PrefabTest.Options("faq_bot", "/faq"),
            }))
    {
    }

    [Fact]
    public Task The_document_matches_its_golden_copy() => PrefabTest.AssertGoldenAsync(Server, Client, "/faq", "faq_bot");

    [Fact]
    public async Task The_best_answer_comes_with_related_questions()
    {
        Assert.Equal(
            """{"response":"Q: How do I reset my password?\nA: Use the 'Forgot password' link on the sign-in page.\nRelated questions: How do I close my account?"}""",
            await Client.CallAsync("/faq", "search_faqs", new() { ["query"] = "I forgot my password, how do I reset my account?" }));
    }

    [Fact]
    public async Task A_category_narrows_the_search_and_no_match_says_so()
    {
        Assert.Equal(
            """{"response":"Q: Do you ship abroad?\nA: Yes, to the EU and North America."}""",
            await Client.CallAsync("/faq", "search_faqs", new() { ["query"] = "ship to Canada abroad", ["category"] = "shipping" }));
        Assert.Equal(
            """{"response":"No matching FAQ was found. Tell the caller you do not have that information."}""",
            await Client.CallAsync("/faq", "search_faqs", new() { ["query"] = "opening hours", ["category"] = "shipping" }));
    }

    [Fact]
    public async Task Oversized_queries_and_unknown_categories_are_refused()
    {
        Assert.Contains("query must be at most 500 characters long", await Client.CallAsync("/faq", "search_faqs", new() { ["query"] = new string('a', 501) }), StringComparison.Ordinal);
        Assert.Contains("category must be one of", await Client.CallAsync("/faq", "search_faqs", new() { ["query"] = "hours", ["category"] = "secrets" }), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FaqBotAgent(new FaqBotOptions { Faqs = [new("Q?", " ")] }));
    }
}
