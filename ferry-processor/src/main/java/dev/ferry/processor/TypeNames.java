package dev.ferry.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes type names for one generated compilation unit: a simple name plus an import where that
 * cannot be mistaken for another type, the qualified name otherwise. The first type to claim a
 * simple name keeps it, so the generated code compiles whatever the user's own class names are
 * (a record called {@code Col}, a class called {@code String} in the same package, ...).
 *
 * <p>Types are written from their structure, never with {@code TypeMirror.toString()}, so type-use
 * annotations on components ({@code @Nullable String}) do not leak into the generated code.
 */
final class TypeNames {

    private final Elements elements;
    private final Types types;
    private final String pkg;
    /** Simple name -> the qualified name it denotes in this unit. */
    private final Map<String, String> bySimpleName = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();

    TypeNames(Elements elements, Types types, String pkg, String generatedSimpleName) {
        this.elements = elements;
        this.types = types;
        this.pkg = pkg;
        bySimpleName.put(generatedSimpleName, qualify(pkg, generatedSimpleName));
    }

    /** The import lines this unit needs, sorted. */
    List<String> imports() {
        return List.copyOf(imports);
    }

    /** How to write the top-level class {@code qualifiedName} (given as a string: Ferry's own types). */
    String name(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return topLevel(qualifiedName, qualifiedName.substring(dot + 1), dot < 0 ? "" : qualifiedName.substring(0, dot));
    }

    /** How to write {@code type}: a nested type goes through its outer type ({@code Outer.Inner}). */
    String name(TypeElement type) {
        Element enclosing = type.getEnclosingElement();
        if (enclosing instanceof TypeElement outer) {
            return name(outer) + "." + type.getSimpleName();
        }
        PackageElement p = elements.getPackageOf(type);
        return topLevel(type.getQualifiedName().toString(), type.getSimpleName().toString(),
                p.isUnnamed() ? "" : p.getQualifiedName().toString());
    }

    /** The full type, with its type arguments ({@code java.util.List<String>} as {@code List<String>}). */
    String type(TypeMirror t) {
        switch (t.getKind()) {
            case ARRAY:
                return type(((ArrayType) t).getComponentType()) + "[]";
            case DECLARED: {
                DeclaredType d = (DeclaredType) t;
                TypeElement element = (TypeElement) d.asElement();
                TypeMirror outer = d.getEnclosingType();
                // An inner class of a parameterized outer class: Outer<String>.Inner.
                String base = outer.getKind() == TypeKind.DECLARED && isParameterized(outer)
                        ? type(outer) + "." + element.getSimpleName()
                        : name(element);
                if (d.getTypeArguments().isEmpty()) {
                    return base;
                }
                return base + d.getTypeArguments().stream().map(this::type).collect(Collectors.joining(", ", "<", ">"));
            }
            case WILDCARD: {
                WildcardType w = (WildcardType) t;
                if (w.getExtendsBound() != null) {
                    return "? extends " + type(w.getExtendsBound());
                }
                if (w.getSuperBound() != null) {
                    return "? super " + type(w.getSuperBound());
                }
                return "?";
            }
            default:
                if (t.getKind().isPrimitive()) {
                    return t.getKind().name().toLowerCase(Locale.ROOT);
                }
                // Nothing else reaches here (type variables are refused earlier); erase to be safe.
                return type(types.erasure(t));
        }
    }

    /** The erased type, for a class literal ({@code List<String>[]} as {@code List[]}). */
    String raw(TypeMirror t) {
        return type(types.erasure(t));
    }

    /** True when {@code t} carries type arguments somewhere ({@code List<String>}, {@code Map<K, V>[]}). */
    static boolean isParameterized(TypeMirror t) {
        if (t.getKind() == TypeKind.ARRAY) {
            return isParameterized(((ArrayType) t).getComponentType());
        }
        if (t.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType d = (DeclaredType) t;
        return !d.getTypeArguments().isEmpty() || isParameterized(d.getEnclosingType());
    }

    /** True when {@code t} uses a generic class without type arguments somewhere ({@code List}, {@code Map<String, List>}). */
    static boolean containsRaw(TypeMirror t) {
        switch (t.getKind()) {
            case ARRAY:
                return containsRaw(((ArrayType) t).getComponentType());
            case DECLARED: {
                DeclaredType d = (DeclaredType) t;
                TypeElement e = (TypeElement) d.asElement();
                if (d.getTypeArguments().isEmpty() && !e.getTypeParameters().isEmpty()) {
                    return true;
                }
                return d.getTypeArguments().stream().anyMatch(TypeNames::containsRaw);
            }
            case WILDCARD: {
                WildcardType w = (WildcardType) t;
                return (w.getExtendsBound() != null && containsRaw(w.getExtendsBound()))
                        || (w.getSuperBound() != null && containsRaw(w.getSuperBound()));
            }
            default:
                return false;
        }
    }

    private String topLevel(String qualified, String simple, String typePackage) {
        String owner = bySimpleName.get(simple);
        if (owner != null) {
            return owner.equals(qualified) ? simple : qualified;
        }
        bySimpleName.put(simple, qualified);
        if (typePackage.isEmpty() || typePackage.equals(pkg)) {
            return simple; // same package (or both unnamed): no import
        }
        if (typePackage.equals("java.lang") && elements.getTypeElement(qualify(pkg, simple)) == null) {
            return simple; // implicit import, and no type of this package hides it
        }
        // A single-type import also hides a same-package type of that name, so the simple name is safe.
        imports.add(qualified);
        return simple;
    }

    private static String qualify(String pkg, String simple) {
        return pkg.isEmpty() ? simple : pkg + "." + simple;
    }
}
