using System.Globalization;

namespace SignalWire.Agents.Skills;

/// <summary>
/// Evaluates arithmetic: numbers, <c>+ - * / %</c>, <c>**</c> or <c>^</c> (power, right-associative), unary
/// signs and parentheses. A recursive-descent parser over the text; nothing else is understood and nothing is
/// executed. Limits: 200 characters, 20 levels of nesting, 100 numbers, exponents within ±1000, finite results.
/// </summary>
internal ref struct ArithmeticExpression
{
    public const int MaxLength = 200;
    public const int MaxDepth = 20;
    public const int MaxNumbers = 100;
    public const double MaxExponent = 1000;

    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private int _depth;
    private int _numbers;

    private ArithmeticExpression(ReadOnlySpan<char> text)
    {
        _text = text;
    }

    /// <summary>The value, or why there is none (a message for the caller).</summary>
    public static (double? Value, string? Problem) Evaluate(string expression)
    {
        if (expression.Length > MaxLength)
        {
            return (null, $"the expression is longer than {MaxLength} characters");
        }

        var parser = new ArithmeticExpression(expression);
        try
        {
            var value = parser.Sum();
            parser.SkipSpaces();
            if (parser._position < parser._text.Length)
            {
                return (null, $"unexpected '{parser._text[parser._position]}' at position {parser._position + 1}");
            }

            return double.IsFinite(value) ? (value, null) : (null, "the result is too large");
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private double Sum()
    {
        var value = Product();
        while (Next() is '+' or '-')
        {
            var op = _text[_position++];
            var right = Product();
            value = op == '+' ? value + right : value - right;
        }

        return value;
    }

    private double Product()
    {
        var value = Power();
        while (Next() is '*' or '/' or '%' && !(Next() == '*' && Peek(1) == '*'))
        {
            var op = _text[_position++];
            var right = Power();
            if (op != '*' && right == 0)
            {
                throw new FormatException("division by zero");
            }

            value = op switch { '*' => value * right, '/' => value / right, _ => value % right };
        }

        return value;
    }

    private double Power()
    {
        var value = Unary();
        if (Next() == '^' || (Next() == '*' && Peek(1) == '*'))
        {
            _position += _text[_position] == '^' ? 1 : 2;
            var exponent = Power();
            if (Math.Abs(exponent) > MaxExponent)
            {
                throw new FormatException($"exponents are limited to ±{MaxExponent:0}");
            }

            value = Math.Pow(value, exponent);
        }

        return value;
    }

    private double Unary()
    {
        if (Next() is '+' or '-')
        {
            var negative = _text[_position++] == '-';
            Enter();
            var value = Unary();
            _depth--;
            return negative ? -value : value;
        }

        return Primary();
    }

    private double Primary()
    {
        if (Next() == '(')
        {
            _position++;
            Enter();
            var value = Sum();
            _depth--;
            if (Next() != ')')
            {
                throw new FormatException("a closing parenthesis is missing");
            }

            _position++;
            return value;
        }

        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            _position++;
        }

        if (start == _position)
        {
            throw new FormatException(_position < _text.Length ? $"unexpected '{_text[_position]}' at position {_position + 1}" : "the expression ends too early");
        }

        if (++_numbers > MaxNumbers)
        {
            throw new FormatException($"the expression has more than {MaxNumbers} numbers");
        }

        return double.TryParse(_text[start.._position], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{_text[start.._position].ToString()}' is not a number");
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new FormatException($"the expression is nested more than {MaxDepth} levels deep");
        }
    }

    private char? Next()
    {
        SkipSpaces();
        return _position < _text.Length ? _text[_position] : null;
    }

    private readonly char? Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : null;

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }
}
