using System.Globalization;
using System.Text.Json.Nodes;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Arithmetic the AI should not do in its head: tool <c>calculate(expression)</c> with <c>+ - * / %</c>, powers and
/// parentheses, evaluated by a parser with limits (length, nesting, exponent) — never as code. One instance per agent.
/// </summary>
public sealed class MathSkill : SkillBase
{
    /// <inheritdoc />
    public override string Name => "math";

    /// <inheritdoc />
    public override string Description => "Exact arithmetic: + - * / %, powers and parentheses";

    /// <inheritdoc />
    protected internal override void Register(SkillContext context)
    {
        context.DefineTool("calculate", "Calculate an arithmetic expression, e.g. (12.5 + 7) * 3 or 2 ** 10", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["expression"] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "Numbers, + - * / %, ** or ^ for powers, and parentheses",
                    ["minLength"] = 1,
                    ["maxLength"] = ArithmeticExpression.MaxLength,
                },
            },
            ["required"] = new JsonArray("expression"),
        }, (args, _, _) =>
        {
            var expression = args["expression"]!.GetValue<string>();
            var (value, problem) = ArithmeticExpression.Evaluate(expression);
            return ValueTask.FromResult(new FunctionResult(problem is null
                ? $"{expression.Trim()} = {value!.Value.ToString("G15", CultureInfo.InvariantCulture)}"
                : $"I could not calculate that: {problem}."));
        });
        context.AddPromptSection("Mathematical Calculations", "Use the calculate tool for any arithmetic instead of working it out yourself.", [
            "Write the expression with numbers, + - * / %, ** for powers and parentheses.",
        ]);
    }
}
