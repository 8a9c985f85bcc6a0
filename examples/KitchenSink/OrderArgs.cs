using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using SignalWire.Agents;

namespace KitchenSinkExample;

/// <summary>Arguments of <c>place_order</c>; the schema and its checks come from this record.</summary>
public sealed record OrderArgs(
    [property: Description("Pizza size")] PizzaSize Size,
    [property: Description("How many pizzas"), Range(1, 20)] int Quantity,
    [property: Description("Card token from the payment step"), Sensitive] string CardToken,
    [property: Description("Delivery notes")] string? Notes = null);

/// <summary>Sizes on the menu.</summary>
public enum PizzaSize
{
    /// <summary>10 inch.</summary>
    Small,

    /// <summary>12 inch.</summary>
    Medium,

    /// <summary>14 inch.</summary>
    Large,
}
