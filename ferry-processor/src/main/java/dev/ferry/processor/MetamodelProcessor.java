package dev.ferry.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates the metamodel class of every {@code @Table} record: {@code Occurrence_} with one typed
 * path constant per component, in component order ({@code Col} for columns, computed components and
 * the key; {@code ToOne} for {@code Ref<T>}; {@code ToMany} for {@code Many<T>}).
 *
 * <p>Ferry's types are named as strings, so the processor has no dependency on Ferry itself and runs
 * from the annotation processor path alone. Records whose component types are not known yet (made by
 * another processor in a later round) are generated in the round where those types appear.
 */
@SupportedAnnotationTypes(MetamodelProcessor.TABLE)
public final class MetamodelProcessor extends AbstractProcessor {

    static final String TABLE = "dev.ferry.model.Table";
    static final String REF = "dev.ferry.model.Ref";
    static final String MANY = "dev.ferry.model.Many";
    static final String COL = "dev.ferry.query.Col";
    static final String TO_ONE = "dev.ferry.query.ToOne";
    static final String TO_MANY = "dev.ferry.query.ToMany";
    static final String GENERATED = "javax.annotation.processing.Generated";

    /** Records already generated or reported, by qualified name: never twice per compilation. */
    private final Set<String> handled = new HashSet<>();
    /** Records waiting for a type another processor has yet to generate, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();

    public MetamodelProcessor() {
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Elements elements = processingEnv.getElementUtils();
        Map<String, TypeElement> todo = new LinkedHashMap<>();
        for (String name : deferred) {
            TypeElement record = elements.getTypeElement(name); // fresh: elements of an earlier round are stale
            if (record != null) {
                todo.put(name, record);
            }
        }
        deferred.clear();
        for (TypeElement annotation : annotations) {
            if (!annotation.getQualifiedName().contentEquals(TABLE)) {
                continue;
            }
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (e.getKind() != ElementKind.RECORD) {
                    error(e, "@Table is for records: make " + e.getSimpleName() + " a record");
                    continue;
                }
                TypeElement record = (TypeElement) e;
                todo.putIfAbsent(record.getQualifiedName().toString(), record);
            }
        }
        for (Map.Entry<String, TypeElement> e : todo.entrySet()) {
            if (!handled.contains(e.getKey())) {
                generate(e.getKey(), e.getValue(), round.processingOver());
            }
        }
        return false; // other processors may look at @Table records too
    }

    private void generate(String qualifiedName, TypeElement record, boolean lastRound) {
        for (RecordComponentElement c : record.getRecordComponents()) {
            if (hasErrorType(c.asType())) {
                // A type that does not exist yet; another processor may generate it in this round. In the
                // last round the compiler reports the missing type itself, and there is nothing to write.
                if (!lastRound) {
                    deferred.add(qualifiedName);
                }
                return;
            }
        }
        handled.add(qualifiedName);
        Elements elements = processingEnv.getElementUtils();
        Types types = processingEnv.getTypeUtils();

        if (!record.getTypeParameters().isEmpty()) {
            error(record, "@Table record " + record.getSimpleName() + " must not be generic: Ferry maps one concrete "
                    + "record per table; remove its type parameters");
            return;
        }
        PackageElement packageElement = elements.getPackageOf(record);
        String pkg = packageElement.isUnnamed() ? "" : packageElement.getQualifiedName().toString();
        if (!accessibleFrom(record, pkg)) {
            error(record, record.getSimpleName() + " is private or inside a private type: its generated metamodel "
                    + "cannot name it; make it package-private or public");
            return;
        }
        String simpleName = flatName(record) + "_";
        TypeNames names = new TypeNames(elements, types, pkg, simpleName);
        String recordName = names.name(record); // first, so the record keeps its simple name

        List<String> fields = new ArrayList<>();
        Map<String, String> constants = new HashMap<>();
        boolean ok = true;
        for (RecordComponentElement c : record.getRecordComponents()) {
            String component = c.getSimpleName().toString();
            String constant = constantName(component);
            String clash = constants.putIfAbsent(constant, component);
            if (clash != null) {
                error(c, "components '" + clash + "' and '" + component + "' of " + record.getSimpleName()
                        + " both become the constant " + simpleName + "." + constant + "; rename one of them");
                ok = false;
                continue;
            }
            String field = field(record, recordName, pkg, c, constant, names);
            if (field == null) {
                ok = false;
            } else {
                fields.add(field);
            }
        }
        if (!ok) {
            return;
        }

        StringBuilder out = new StringBuilder(256 + 160 * fields.size());
        if (!pkg.isEmpty()) {
            out.append("package ").append(pkg).append(";\n\n");
        }
        List<String> imports = names.imports();
        for (String i : imports) {
            out.append("import ").append(i).append(";\n");
        }
        if (!imports.isEmpty()) {
            out.append('\n');
        }
        out.append("/** Typed paths of {@link ").append(recordName)
                .append("}, generated by Ferry's metamodel processor. */\n");
        if (canUseGenerated(record)) {
            out.append("@").append(GENERATED).append("(\"").append(MetamodelProcessor.class.getName()).append("\")\n");
        }
        out.append("public final class ").append(simpleName).append(" {\n\n");
        for (String f : fields) {
            out.append(f);
        }
        out.append("\n    private ").append(simpleName).append("() {\n    }\n}\n");

        String generatedName = pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(generatedName, record);
            try (Writer w = file.openWriter()) {
                w.write(out.toString());
            }
        } catch (FilerException e) {
            // Typically a hand-written metamodel class of the same name among the sources.
            error(record, "cannot generate " + generatedName + " (" + e.getMessage() + "): if " + simpleName
                    + " is written by hand, delete it; Ferry's metamodel processor writes it now");
        } catch (IOException e) {
            error(record, "cannot write " + generatedName + ": " + e);
        }
    }

    /** One constant declaration (with its annotation line, if any), or null after reporting an error. */
    private String field(TypeElement record, String recordName, String pkg, RecordComponentElement c,
                         String constant, TypeNames names) {
        Types types = processingEnv.getTypeUtils();
        String component = c.getSimpleName().toString();
        String literal = processingEnv.getElementUtils().getConstantExpression(component);
        TypeMirror type = c.asType();
        Set<TypeElement> mentioned = new LinkedHashSet<>();
        mentioned.add(record);

        String holder = holder(type);
        String declaration;
        boolean unchecked = false;
        TypeMirror shown;
        if (holder != null) {
            String holderName = holder.substring(holder.lastIndexOf('.') + 1);
            List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
            if (args.isEmpty()) {
                error(c, "component '" + component + "' of " + record.getSimpleName() + " is a " + holderName
                        + " without a type argument: name its target entity, e.g. " + holderName + "<Taxon> " + component);
                return null;
            }
            TypeMirror target = args.get(0);
            if (target.getKind() != TypeKind.DECLARED || TypeNames.isParameterized(target)) {
                error(c, "component '" + component + "' of " + record.getSimpleName() + " must name its target entity "
                        + "as a plain class, e.g. " + holderName + "<Taxon> " + component + ", not " + holderName
                        + "<" + target + ">");
                return null;
            }
            collect(target, mentioned);
            for (TypeElement t : mentioned) {
                if (!accessibleFrom(t, pkg)) {
                    error(c, "component '" + component + "' of " + record.getSimpleName() + " targets " + t.getSimpleName()
                            + ", which the generated " + flatName(record) + "_ in package '" + pkg
                            + "' cannot name; make " + t.getSimpleName() + " public or move it to that package");
                    return null;
                }
            }
            String path = names.name(holder.equals(REF) ? TO_ONE : TO_MANY);
            declaration = "public static final " + path + "<" + recordName + ", " + names.type(target) + "> " + constant
                    + " = " + path + ".of(" + recordName + ".class, " + literal + ", " + names.raw(target) + ".class);";
            shown = target;
        } else {
            TypeMirror value = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
            collect(value, mentioned);
            boolean reachable = mentioned.stream().allMatch(t -> accessibleFrom(t, pkg));
            if (!reachable) {
                // The column type cannot be named from here (a private nested class): a Col typed Object still
                // resolves, it only gives up the static type of the values.
                value = processingEnv.getElementUtils().getTypeElement("java.lang.Object").asType();
                mentioned.clear();
                mentioned.add(record);
            }
            String col = names.name(COL);
            unchecked = TypeNames.isParameterized(value);
            declaration = "public static final " + col + "<" + recordName + ", " + names.type(value) + "> " + constant
                    + " = " + (unchecked ? "(" + col + ") " : "") + col + ".of(" + recordName + ".class, " + literal
                    + ", " + names.raw(value) + ".class);";
            shown = value;
        }

        List<String> suppress = new ArrayList<>(4);
        if (unchecked) {
            suppress.add("unchecked");
        }
        if (unchecked || TypeNames.containsRaw(shown)) {
            suppress.add("rawtypes");
        }
        Set<String> deprecation = deprecations(mentioned);
        suppress.addAll(deprecation);
        StringBuilder field = new StringBuilder();
        if (!suppress.isEmpty()) {
            field.append("    @SuppressWarnings(");
            field.append(suppress.size() == 1 ? "\"" + suppress.get(0) + "\"" : "{\"" + String.join("\", \"", suppress) + "\"}");
            field.append(")\n");
        }
        return field.append("    ").append(declaration).append('\n').toString();
    }

    /** {@code Ref} or {@code Many} (qualified), or null for any other component type. */
    private static String holder(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return name.equals(REF) || name.equals(MANY) ? name : null;
    }

    /**
     * {@code deprecation} and/or {@code removal} when a type the constant names (or a type enclosing
     * it) is deprecated, so the generated code compiles warning-free under {@code -Xlint:all -Werror}.
     */
    private Set<String> deprecations(Set<TypeElement> mentioned) {
        Elements elements = processingEnv.getElementUtils();
        Set<String> out = new LinkedHashSet<>();
        for (TypeElement t : mentioned) {
            for (Element e = t; e instanceof TypeElement; e = e.getEnclosingElement()) {
                if (elements.isDeprecated(e)) {
                    out.add(forRemoval(e) ? "removal" : "deprecation");
                }
            }
        }
        return out;
    }

    private boolean forRemoval(Element e) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals("java.lang.Deprecated")) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v
                        : processingEnv.getElementUtils().getElementValuesWithDefaults(a).entrySet()) {
                    if (v.getKey().getSimpleName().contentEquals("forRemoval")) {
                        return Boolean.TRUE.equals(v.getValue().getValue());
                    }
                }
            }
        }
        return false;
    }

    /** Every class a type names: the class itself, its type arguments, array components, wildcard bounds. */
    private static void collect(TypeMirror t, Set<TypeElement> out) {
        switch (t.getKind()) {
            case ARRAY:
                collect(((ArrayType) t).getComponentType(), out);
                break;
            case DECLARED: {
                DeclaredType d = (DeclaredType) t;
                out.add((TypeElement) d.asElement());
                if (d.getEnclosingType().getKind() == TypeKind.DECLARED) {
                    collect(d.getEnclosingType(), out);
                }
                for (TypeMirror a : d.getTypeArguments()) {
                    collect(a, out);
                }
                break;
            }
            case WILDCARD: {
                WildcardType w = (WildcardType) t;
                if (w.getExtendsBound() != null) {
                    collect(w.getExtendsBound(), out);
                }
                if (w.getSuperBound() != null) {
                    collect(w.getSuperBound(), out);
                }
                break;
            }
            default:
                break;
        }
    }

    private static boolean hasErrorType(TypeMirror t) {
        switch (t.getKind()) {
            case ERROR:
                return true;
            case ARRAY:
                return hasErrorType(((ArrayType) t).getComponentType());
            case DECLARED:
                return ((DeclaredType) t).getTypeArguments().stream().anyMatch(MetamodelProcessor::hasErrorType);
            case WILDCARD: {
                WildcardType w = (WildcardType) t;
                return (w.getExtendsBound() != null && hasErrorType(w.getExtendsBound()))
                        || (w.getSuperBound() != null && hasErrorType(w.getSuperBound()));
            }
            default:
                return false;
        }
    }

    /** Whether code in package {@code pkg} (not a subclass) can name {@code type}. */
    private boolean accessibleFrom(TypeElement type, String pkg) {
        PackageElement p = processingEnv.getElementUtils().getPackageOf(type);
        String typePackage = p.isUnnamed() ? "" : p.getQualifiedName().toString();
        boolean samePackage = typePackage.equals(pkg);
        if (typePackage.isEmpty() && !samePackage) {
            return false; // the unnamed package cannot be named from a named one
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            TypeElement t = (TypeElement) e;
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return false;
            }
            Set<Modifier> m = t.getModifiers();
            if (m.contains(Modifier.PRIVATE) || (!m.contains(Modifier.PUBLIC) && !samePackage)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the generated class can carry {@code @javax.annotation.processing.Generated}. The
     * annotation lives in module {@code java.compiler}: in a named module the generated code must
     * compile without it when the module does not read {@code java.compiler}, and must not draw an
     * {@code -Xlint:exports} warning when the package is exported but {@code java.compiler} is not
     * required transitively. Then it goes without the annotation.
     */
    private boolean canUseGenerated(TypeElement record) {
        Elements elements = processingEnv.getElementUtils();
        if (elements.getTypeElement(GENERATED) == null) {
            return false;
        }
        ModuleElement module = elements.getModuleOf(record);
        if (module == null || module.isUnnamed()) {
            return true;
        }
        String compiler = "java.compiler";
        PackageElement pkg = elements.getPackageOf(record);
        boolean exported = ElementFilter.exportsIn(module.getDirectives()).stream()
                .anyMatch(d -> d.getPackage().getQualifiedName().contentEquals(pkg.getQualifiedName()));
        return exported ? reads(module, compiler, true) : reads(module, compiler, false);
    }

    /**
     * A module reads what it requires, plus what those require transitively; {@code onlyTransitive}
     * asks whether it passes that readability on to its own readers.
     */
    private static boolean reads(ModuleElement module, String target, boolean onlyTransitive) {
        Set<String> seen = new HashSet<>();
        for (ModuleElement.RequiresDirective r : ElementFilter.requiresIn(module.getDirectives())) {
            if ((!onlyTransitive || r.isTransitive()) && readsThrough(r.getDependency(), target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsThrough(ModuleElement dependency, String target, Set<String> seen) {
        if (!seen.add(dependency.getQualifiedName().toString())) {
            return false;
        }
        if (dependency.getQualifiedName().contentEquals(target)) {
            return true;
        }
        for (ModuleElement.RequiresDirective r : ElementFilter.requiresIn(dependency.getDirectives())) {
            if (r.isTransitive() && readsThrough(r.getDependency(), target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Occurrence} for a top-level record, {@code Outer_Inner} for {@code Outer.Inner}. */
    static String flatName(TypeElement type) {
        Element enclosing = type.getEnclosingElement();
        String simple = type.getSimpleName().toString();
        return enclosing instanceof TypeElement outer ? flatName(outer) + "_" + simple : simple;
    }

    /**
     * UPPER_SNAKE of a component name: {@code determinationScore} -> {@code DETERMINATION_SCORE},
     * {@code frameNum} -> {@code FRAME_NUM}, {@code URLPath} -> {@code URL_PATH},
     * {@code line2Text} -> {@code LINE2_TEXT}.
     */
    static String constantName(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && sb.charAt(sb.length() - 1) != '_') {
                char prev = name.charAt(i - 1);
                boolean wordStart = Character.isLowerCase(prev) || Character.isDigit(prev);
                boolean acronymEnd = Character.isUpperCase(prev) && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (wordStart || acronymEnd) {
                    sb.append('_');
                }
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    private void error(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
    }
}
