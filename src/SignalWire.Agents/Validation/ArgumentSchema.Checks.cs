using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalWire.Agents.Validation;

/// <summary>The checks each kind of value gets: numbers, strings, objects, arrays, and the combinators.</summary>
public sealed partial class ArgumentSchema
{
    private void CheckNumber(double number, string name, ref List<string>? errors)
    {
        if (_minimum is { } min && number < min)
        {
            Add(ref errors, $"{name} must be at least {Format(min)}");
        }

        if (_maximum is { } max && number > max)
        {
            Add(ref errors, $"{name} must be at most {Format(max)}");
        }

        if (_exclusiveMinimum is { } xmin && number <= xmin)
        {
            Add(ref errors, $"{name} must be greater than {Format(xmin)}");
        }

        if (_exclusiveMaximum is { } xmax && number >= xmax)
        {
            Add(ref errors, $"{name} must be less than {Format(xmax)}");
        }

        if (_multipleOf is { } step && step > 0 && Math.Abs(Math.IEEERemainder(number, step)) > 1e-9 * Math.Max(1, Math.Abs(number)))
        {
            Add(ref errors, $"{name} must be a multiple of {Format(step)}");
        }
    }

    private void CheckString(string text, string name, ref List<string>? errors)
    {
        var length = _minLength is null && _maxLength is null ? 0 : TextElements(text);
        if (_minLength is { } min && _maxLength == min && length != min)
        {
            Add(ref errors, $"{name} must be exactly {min} characters long");
        }
        else
        {
            if (_minLength is { } atLeast && length < atLeast)
            {
                Add(ref errors, $"{name} must be at least {atLeast} characters long");
            }

            if (_maxLength is { } atMost && length > atMost)
            {
                Add(ref errors, $"{name} must be at most {atMost} characters long");
            }
        }

        if (_pattern is not null)
        {
            bool matches;
            try
            {
                matches = _pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                Add(ref errors, $"{name} is not in the expected format");
            }
        }

        if (_format is not null && !FormatCheck.IsValid(_format, text))
        {
            Add(ref errors, $"{name} must be a valid {_format}");
        }
    }

    private void CheckObject(JsonObject obj, string? path, ref List<string>? errors)
    {
        foreach (var key in _required)
        {
            if (!obj.ContainsKey(key))
            {
                Add(ref errors, $"{Join(path, key)} is required");
            }
        }

        if (_minProperties is { } min && obj.Count < min)
        {
            Add(ref errors, $"{path ?? "the arguments"} must have at least {min} properties");
        }

        if (_maxProperties is { } max && obj.Count > max)
        {
            Add(ref errors, $"{path ?? "the arguments"} must have at most {max} properties");
        }

        // Indexed access: the JsonObject enumerator is boxed, and this runs for every tool call.
        for (var i = 0; i < obj.Count; i++)
        {
            var (key, child) = obj.GetAt(i);
            if (_properties is not null && _properties.TryGetValue(key, out var schema))
            {
                schema.Check(child, Join(path, key), ref errors);
            }
            else if (_additionalSchema is not null)
            {
                _additionalSchema.Check(child, Join(path, key), ref errors);
            }
            else if (!_additionalAllowed)
            {
                Add(ref errors, $"{Join(path, key)} is not an allowed argument");
            }
        }
    }

    private void CheckArray(JsonArray array, string name, ref List<string>? errors)
    {
        if (_minItems is { } min && array.Count < min)
        {
            Add(ref errors, $"{name} must have at least {min} items");
        }

        if (_maxItems is { } max && array.Count > max)
        {
            Add(ref errors, $"{name} must have at most {max} items");
        }

        if (_uniqueItems)
        {
            for (var i = 1; i < array.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonNode.DeepEquals(array[i], array[j]))
                    {
                        Add(ref errors, $"{name} must not contain duplicates");
                        i = array.Count;
                        break;
                    }
                }
            }
        }

        if (_items is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                _items.Check(array[i], $"{name}[{i}]", ref errors);
            }
        }
    }

    private void CheckCombinators(JsonNode? value, string? path, string name, ref List<string>? errors)
    {
        if (_allOf is not null)
        {
            foreach (var schema in _allOf)
            {
                schema.Check(value, path, ref errors);
            }
        }

        // Loops, not LINQ: a lambda capturing the parameters would allocate its closure on every call.
        if (_anyOf is not null && Matches(_anyOf, value, path) == 0)
        {
            Add(ref errors, $"{name} does not match any of the allowed forms");
        }

        if (_oneOf is not null)
        {
            var matches = Matches(_oneOf, value, path);
            if (matches != 1)
            {
                Add(ref errors, matches == 0 ? $"{name} does not match any of the allowed forms" : $"{name} matches more than one of the allowed forms");
            }
        }
    }

    private static int Matches(ArgumentSchema[] schemas, JsonNode? value, string? path)
    {
        var matches = 0;
        foreach (var schema in schemas)
        {
            if (schema.Validate(value, path))
            {
                matches++;
            }
        }

        return matches;
    }

    private bool Validate(JsonNode? value, string? path)
    {
        List<string>? errors = null;
        Check(value, path, ref errors);
        return errors is null;
    }
}
