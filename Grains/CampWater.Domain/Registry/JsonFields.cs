using System.Text.Json;

namespace CampWater.Registry;

/// <summary>
/// Typed access to the properties of one JSON object, logging a problem named after the field for every
/// missing or mistyped value. JSON <c>null</c> counts as absent, so that a value can be cleared back to its
/// default. Each getter returns false only when the value is present but unusable, so that rules which
/// relate several fields run on real values and do not pile spurious problems on the first one.
/// </summary>
internal readonly struct JsonFields(JsonElement element, ProblemScope scope, ProblemLog log)
{
    public ProblemScope Scope => scope;

    public bool Has(string name) => TryGet(name, out _);

    public void Problem(string name, string reason) => log.Add(scope.Problem(name, reason));

    public void Add(RegistryProblem problem) => log.Add(problem);

    /// <summary>Logs <paramref name="reason"/> against the field unless <paramref name="holds"/>.</summary>
    public bool Check(string name, bool holds, string reason)
    {
        if (!holds)
        {
            Problem(name, reason);
        }

        return holds;
    }

    public bool RequiredString(string name, out string value)
    {
        value = "";
        if (!Present(name) || !OptionalString(name, out var text))
        {
            return false;
        }

        value = text!;
        return true;
    }

    public bool OptionalString(string name, out string? value)
    {
        value = null;
        if (!TryGet(name, out var property))
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            Problem(name, "must be a string");
            return false;
        }

        value = property.GetString();
        return true;
    }

    public bool RequiredNumber(string name, out double value)
    {
        value = 0;
        return Present(name) && OptionalNumber(name, 0, out value);
    }

    public bool OptionalNumber(string name, double fallback, out double value)
    {
        value = fallback;
        if (!TryGet(name, out var property))
        {
            return true;
        }

        if (!ReadNumber(name, property, out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    public bool RequiredInteger(string name, out int value)
    {
        value = 0;
        return Present(name) && OptionalInteger(name, 0, out value);
    }

    public bool OptionalInteger(string name, int fallback, out int value)
    {
        value = fallback;
        if (!TryGet(name, out var property))
        {
            return true;
        }

        if (!ReadNumber(name, property, out var number))
        {
            return false;
        }

        // 4500.0 is a whole number written loosely; 4500.5 is not.
        if (Math.Floor(number) != number)
        {
            Problem(name, "must be a whole number");
            return false;
        }

        if (number is < int.MinValue or > int.MaxValue)
        {
            Problem(name, $"must be between {int.MinValue} and {int.MaxValue}");
            return false;
        }

        value = (int)number;
        return true;
    }

    public bool OptionalBoolean(string name, bool fallback, out bool value)
    {
        value = fallback;
        if (!TryGet(name, out var property))
        {
            return true;
        }

        if (property.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(name, "must be true or false");
            return false;
        }

        value = property.GetBoolean();
        return true;
    }

    public bool RequiredObject(string name, out JsonFields fields)
    {
        fields = default;
        return Present(name) && OptionalObject(name, out fields, out _);
    }

    public bool OptionalObject(string name, out JsonFields fields, out bool present)
    {
        fields = default;
        present = TryGet(name, out var property);
        if (!present)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.Object)
        {
            Problem(name, "must be an object");
            return false;
        }

        fields = new(property, scope.Member(name), log);
        return true;
    }

    public bool OptionalArray(string name, out JsonElement array, out bool present)
    {
        present = TryGet(name, out array);
        if (!present)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Problem(name, "must be an array");
            return false;
        }

        return true;
    }

    /// <summary>A JSON number as a finite double, for the values of a field or of an array element.</summary>
    public bool ReadNumber(string name, JsonElement property, out double value)
    {
        value = 0;
        if (property.ValueKind != JsonValueKind.Number)
        {
            Problem(name, "must be a number");
            return false;
        }

        // A number beyond the range of a double (1e400) reads as infinity.
        if (!property.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Problem(name, "must be a finite number");
            return false;
        }

        // -0 would otherwise survive into the configuration and change its digest without changing anything.
        value = number + 0.0;
        return true;
    }

    private bool TryGet(string name, out JsonElement property) =>
        element.TryGetProperty(name, out property) && property.ValueKind != JsonValueKind.Null;

    private bool Present(string name) => Check(name, Has(name), "is required");
}
