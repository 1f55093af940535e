using System.Reflection;
using System.Reflection.Emit;

namespace Portal.Web.Tests.Architecture;

/// <summary>One type naming another, and where: "base type", "field _x", "method SaveAsync", "attribute"…</summary>
public sealed record TypeReference(Type To, string Member);

/// <summary>
/// Every type a compiled type names, read from its metadata and its method bodies with reflection only (no package):
/// base type, interfaces, generic constraints, fields, properties, events, method and constructor signatures, local
/// variables, catch clauses, custom attributes (including <c>typeof</c> arguments), generic arguments at any depth, and
/// every type, method and field token in the IL (calls, <c>new</c>, casts, <c>typeof</c>, field access). Razor
/// components are covered: <c>OpenComponent&lt;T&gt;</c> is a generic method call whose argument is the component.
/// </summary>
/// <remarks>
/// Blind spot: constants are copied into the user's IL as values (a <c>const string</c> such as a channel prefix, an
/// enum member used as a constant), so naming another slice's constant leaves no trace in the compiled code.
/// Nested and compiler-generated types (closures, state machines, local functions) are listed separately by
/// reflection; <see cref="Outermost"/> lets the caller count them for the type that declared them.
/// </remarks>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The type that declares <paramref name="type"/>, going out through every level of nesting.</summary>
    public static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    /// <summary>Every reference made by <paramref name="type"/> itself (not by its nested types: list those separately).</summary>
    public static IReadOnlyList<TypeReference> Of(Type type)
    {
        var found = new List<TypeReference>();
        void Add(Type? t, string member) => Expand(t, member, found);

        Add(type.BaseType, "base type");
        foreach (var i in type.GetInterfaces()) Add(i, "interface");
        if (type.IsGenericTypeDefinition)
        {
            foreach (var p in type.GetGenericArguments())
                foreach (var c in p.GetGenericParameterConstraints()) Add(c, "generic constraint");
        }
        Attributes(type.GetCustomAttributesData(), "attribute", found);

        foreach (var f in type.GetFields(Declared))
        {
            Add(f.FieldType, $"field {f.Name}");
            Attributes(f.GetCustomAttributesData(), $"field {f.Name}", found);
        }
        foreach (var p in type.GetProperties(Declared))
        {
            Add(p.PropertyType, $"property {p.Name}");
            Attributes(p.GetCustomAttributesData(), $"property {p.Name}", found);
        }
        foreach (var e in type.GetEvents(Declared)) Add(e.EventHandlerType, $"event {e.Name}");

        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var member = m is ConstructorInfo ? "constructor" : $"method {m.Name}";
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType, member);
                if (mi.IsGenericMethodDefinition)
                {
                    foreach (var p in mi.GetGenericArguments())
                        foreach (var c in p.GetGenericParameterConstraints()) Add(c, member);
                }
            }
            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType, member);
                Attributes(p.GetCustomAttributesData(), member, found);
            }
            Attributes(m.GetCustomAttributesData(), member, found);
            Body(type, m, member, found);
        }
        return found;
    }

    private static void Body(Type type, MethodBase method, string member, List<TypeReference> found)
    {
        MethodBody? body;
        try { body = method.GetMethodBody(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException) { return; }
        if (body is null) return;

        foreach (var local in body.LocalVariables) Expand(local.LocalType, member, found);
        foreach (var clause in body.ExceptionHandlingClauses)
        {
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause) Expand(clause.CatchType, member, found);
        }

        var il = body.GetILAsByteArray();
        if (il is null) return;
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        var module = method.Module;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE) value = unchecked((short)(0xFE00 | il[at++]));
            if (!OpCodesByValue.TryGetValue(value, out var op))
                throw new InvalidOperationException($"Unknown IL opcode 0x{value:X} in {type.FullName}.{method.Name} at {at}.");
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, at);
                    at += 4 + 4 * count;
                    break;
                case OperandType.InlineTok or OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    Token(module, token, typeArguments, methodArguments, type, member, found);
                    break;
                default: // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR: four bytes, no type in them
                    at += 4;
                    break;
            }
        }
    }

    private static void Token(Module module, int token, Type[]? typeArguments, Type[]? methodArguments, Type owner,
        string member, List<TypeReference> found)
    {
        MemberInfo? resolved;
        try
        {
            resolved = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
        {
            // Never skip a token: one left unread could be the reference to another slice. None fails today; should one
            // (a generic context reflection cannot rebuild), resolve it here rather than pass over it.
            throw new InvalidOperationException($"Cannot resolve IL token 0x{token:X8} in {owner.FullName} ({member}).", e);
        }
        switch (resolved)
        {
            case Type t:
                Expand(t, member, found);
                break;
            case MethodBase m:
                Expand(m.DeclaringType, member, found);
                if (m is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments()) Expand(argument, member, found);
                }
                break;
            case FieldInfo f:
                Expand(f.DeclaringType, member, found);
                break;
        }
    }

    private static void Attributes(IEnumerable<CustomAttributeData> attributes, string member, List<TypeReference> found)
    {
        foreach (var a in attributes)
        {
            Expand(a.AttributeType, member, found);
            foreach (var argument in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                Argument(argument, member, found);
        }
    }

    private static void Argument(CustomAttributeTypedArgument argument, string member, List<TypeReference> found)
    {
        Expand(argument.ArgumentType, member, found);
        switch (argument.Value)
        {
            case Type t:
                Expand(t, member, found);
                break;
            case IReadOnlyCollection<CustomAttributeTypedArgument> items:
                foreach (var item in items) Argument(item, member, found);
                break;
        }
    }

    /// <summary>A type and everything it is made of: element types of arrays, pointers and by-refs, generic arguments.</summary>
    private static void Expand(Type? type, string member, List<TypeReference> found)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType)
        {
            Expand(type.GetElementType(), member, found);
            return;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments()) Expand(argument, member, found);
            type = type.GetGenericTypeDefinition();
        }
        found.Add(new TypeReference(type, member));
    }
}
