package dev.ferry.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.Models;
import dev.ferry.query.Col;
import dev.ferry.query.Metamodels;
import dev.ferry.query.ToMany;
import dev.ferry.query.ToOne;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetamodelProcessorTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- sample model

    static final String OCCURRENCE = """
            package sample.model;

            import dev.ferry.model.Computed;
            import dev.ferry.model.Many;
            import dev.ferry.model.Ref;
            import dev.ferry.model.Table;
            import java.time.LocalDateTime;
            import java.util.List;
            import sample.taxa.Taxon;

            @Table("main_occurrence")
            public record Occurrence(
                    long id,
                    LocalDateTime createdAt,
                    Ref<Taxon> determination,
                    Double determinationScore,
                    Many<Detection> detections,
                    @Computed Long detectionsCount,
                    double[] scores,
                    List<String> tags) {
            }
            """;

    static final String DETECTION = """
            package sample.model;

            import dev.ferry.model.Column;
            import dev.ferry.model.Many;
            import dev.ferry.model.Ref;
            import dev.ferry.model.Table;

            @Table("main_detection")
            public record Detection(
                    long id,
                    @Column(nullable = false) Ref<Occurrence> occurrence,
                    String path,
                    int frameNum,
                    String URLPath) {
            }
            """;

    /** In another package than the records that point at it. */
    static final String TAXON = """
            package sample.taxa;

            import dev.ferry.model.Id;
            import dev.ferry.model.Many;
            import dev.ferry.model.Ref;
            import dev.ferry.model.Table;

            @Table("main_taxon")
            public record Taxon(@Id Integer taxonId, String name, Ref<Taxon> parent,
                                Many<sample.model.Occurrence> occurrences) {
            }
            """;

    static final String PRIMITIVES = """
            package sample.model;

            import dev.ferry.model.Id;
            import dev.ferry.model.Table;

            @Table("prims")
            public record Primitives(@Id long key, int count, double ratio, boolean flagged, float weight,
                                     short small, byte tiny, char grade) {
            }
            """;

    static final String CATALOG = """
            package sample.model;

            import dev.ferry.model.Many;
            import dev.ferry.model.Ref;
            import dev.ferry.model.Table;
            import sample.taxa.Taxon;

            public final class Catalog {
                private Catalog() {
                }

                @Table("catalog_entry")
                public record Entry(long id, Ref<Taxon> taxon, Many<Note> notes) {
                }

                @Table("catalog_note")
                record Note(long id, Ref<Entry> entry, String text) {
                }
            }
            """;

    private Compilation.Builder model() {
        return new Compilation.Builder(dir)
                .source("sample.model.Occurrence", OCCURRENCE)
                .source("sample.model.Detection", DETECTION)
                .source("sample.taxa.Taxon", TAXON)
                .source("sample.model.Primitives", PRIMITIVES)
                .source("sample.model.Catalog", CATALOG);
    }

    private static void assertClean(Compilation c) {
        assertThat(c.success).as(c.report()).isTrue();
        assertThat(c.diagnostics.stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList())
                .as(c.report()).isEmpty();
    }

    /** Loads each generated class and checks every constant against the real model. */
    private static void assertValid(Compilation c, String... metamodels) throws Exception {
        try (URLClassLoader loader = c.loader()) {
            Models models = new Models();
            for (String name : metamodels) {
                Class<?> metamodel = loader.loadClass(name);
                Metamodels.validate(models, metamodel);
                assertThat(metamodel.getFields()).as(name).isNotEmpty();
            }
        }
    }

    // ---------------------------------------------------------------- generated text

    @Test
    void generatesTheMetamodelOfARecordLikeTheHandWrittenOnes() {
        Compilation c = model().compile();
        assertClean(c);
        assertThat(c.generated("sample.model.Occurrence_")).isEqualTo("""
                package sample.model;

                import dev.ferry.query.Col;
                import dev.ferry.query.ToMany;
                import dev.ferry.query.ToOne;
                import java.time.LocalDateTime;
                import java.util.List;
                import sample.taxa.Taxon;

                /** Typed paths of {@link Occurrence}, generated by Ferry's metamodel processor. */
                @javax.annotation.processing.Generated("dev.ferry.processor.MetamodelProcessor")
                public final class Occurrence_ {

                    public static final Col<Occurrence, Long> ID = Col.of(Occurrence.class, "id", Long.class);
                    public static final Col<Occurrence, LocalDateTime> CREATED_AT = Col.of(Occurrence.class, "createdAt", LocalDateTime.class);
                    public static final ToOne<Occurrence, Taxon> DETERMINATION = ToOne.of(Occurrence.class, "determination", Taxon.class);
                    public static final Col<Occurrence, Double> DETERMINATION_SCORE = Col.of(Occurrence.class, "determinationScore", Double.class);
                    public static final ToMany<Occurrence, Detection> DETECTIONS = ToMany.of(Occurrence.class, "detections", Detection.class);
                    public static final Col<Occurrence, Long> DETECTIONS_COUNT = Col.of(Occurrence.class, "detectionsCount", Long.class);
                    public static final Col<Occurrence, double[]> SCORES = Col.of(Occurrence.class, "scores", double[].class);
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    public static final Col<Occurrence, List<String>> TAGS = (Col) Col.of(Occurrence.class, "tags", List.class);

                    private Occurrence_() {
                    }
                }
                """);
    }

    @Test
    void relationsNamesAndCrossPackageTargets() {
        Compilation c = model().compile();
        assertClean(c);
        String detection = c.generated("sample.model.Detection_");
        assertThat(detection)
                .contains("public static final ToOne<Detection, Occurrence> OCCURRENCE = ToOne.of(Detection.class, \"occurrence\", Occurrence.class);")
                .contains("public static final Col<Detection, Integer> FRAME_NUM = Col.of(Detection.class, \"frameNum\", Integer.class);")
                .contains("public static final Col<Detection, String> URL_PATH = Col.of(Detection.class, \"URLPath\", String.class);")
                .doesNotContain("import java.lang");
        String taxon = c.generated("sample.taxa.Taxon_");
        assertThat(taxon)
                .startsWith("package sample.taxa;\n")
                .contains("import sample.model.Occurrence;")
                .contains("public static final Col<Taxon, Integer> TAXON_ID = Col.of(Taxon.class, \"taxonId\", Integer.class);")
                .contains("public static final ToOne<Taxon, Taxon> PARENT = ToOne.of(Taxon.class, \"parent\", Taxon.class);")
                .contains("public static final ToMany<Taxon, Occurrence> OCCURRENCES = ToMany.of(Taxon.class, \"occurrences\", Occurrence.class);");
    }

    @Test
    void primitivesAreBoxed() {
        Compilation c = model().compile();
        assertClean(c);
        assertThat(c.generated("sample.model.Primitives_"))
                .contains("Col<Primitives, Long> KEY = Col.of(Primitives.class, \"key\", Long.class);")
                .contains("Col<Primitives, Integer> COUNT = Col.of(Primitives.class, \"count\", Integer.class);")
                .contains("Col<Primitives, Double> RATIO = Col.of(Primitives.class, \"ratio\", Double.class);")
                .contains("Col<Primitives, Boolean> FLAGGED = Col.of(Primitives.class, \"flagged\", Boolean.class);")
                .contains("Col<Primitives, Float> WEIGHT = Col.of(Primitives.class, \"weight\", Float.class);")
                .contains("Col<Primitives, Short> SMALL = Col.of(Primitives.class, \"small\", Short.class);")
                .contains("Col<Primitives, Byte> TINY = Col.of(Primitives.class, \"tiny\", Byte.class);")
                .contains("Col<Primitives, Character> GRADE = Col.of(Primitives.class, \"grade\", Character.class);");
    }

    @Test
    void nestedRecordsAreNamedAfterTheirOuterClasses() {
        Compilation c = model().compile();
        assertClean(c);
        assertThat(c.generated("sample.model.Catalog_Entry_"))
                .contains("/** Typed paths of {@link Catalog.Entry}, generated by Ferry's metamodel processor. */")
                .contains("public final class Catalog_Entry_ {")
                .contains("public static final ToOne<Catalog.Entry, Taxon> TAXON = ToOne.of(Catalog.Entry.class, \"taxon\", Taxon.class);")
                .contains("public static final ToMany<Catalog.Entry, Catalog.Note> NOTES = ToMany.of(Catalog.Entry.class, \"notes\", Catalog.Note.class);")
                .contains("private Catalog_Entry_() {");
        assertThat(c.generated("sample.model.Catalog_Note_"))
                .contains("ToOne<Catalog.Note, Catalog.Entry> ENTRY = ToOne.of(Catalog.Note.class, \"entry\", Catalog.Entry.class);");
    }

    @Test
    void generatedConstantsResolveAgainstTheRealModel() throws Exception {
        Compilation c = model().compile();
        assertClean(c);
        assertValid(c, "sample.model.Occurrence_", "sample.model.Detection_", "sample.taxa.Taxon_",
                "sample.model.Primitives_", "sample.model.Catalog_Entry_", "sample.model.Catalog_Note_");

        try (URLClassLoader loader = c.loader()) {
            Class<?> occurrence = loader.loadClass("sample.model.Occurrence");
            Class<?> metamodel = loader.loadClass("sample.model.Occurrence_");
            assertThat(metamodel.getField("DETERMINATION").get(null))
                    .isEqualTo(ToOne.of(occurrence, "determination", loader.loadClass("sample.taxa.Taxon")));
            assertThat(metamodel.getField("DETECTIONS").get(null))
                    .isEqualTo(ToMany.of(occurrence, "detections", loader.loadClass("sample.model.Detection")));
            assertThat(metamodel.getField("SCORES").get(null)).isEqualTo(Col.of(occurrence, "scores", double[].class));
            assertThat(metamodel.getField("TAGS").get(null)).isEqualTo(Col.of(occurrence, "tags", List.class));
            // A private constructor and nothing else: a holder of constants.
            assertThat(metamodel.getDeclaredConstructors()).singleElement()
                    .satisfies(k -> assertThat(java.lang.reflect.Modifier.isPrivate(k.getModifiers())).isTrue());
            assertThat(java.lang.reflect.Modifier.isFinal(metamodel.getModifiers())).isTrue();
            assertThat(metamodel.getFields()).extracting(java.lang.reflect.Field::getName).containsExactly(
                    "ID", "CREATED_AT", "DETERMINATION", "DETERMINATION_SCORE", "DETECTIONS", "DETECTIONS_COUNT",
                    "SCORES", "TAGS");
        }
    }

    // ---------------------------------------------------------------- user names and types that get in the way

    @Test
    void compilesWhateverTheUserCallsTheirClasses() throws Exception {
        // A same-package class hides java.lang.String; records called Col and ToOne clash with Ferry's types.
        Compilation c = new Compilation.Builder(dir)
                .source("sample.clash.String", """
                        package sample.clash;

                        public final class String {
                            private String() {
                            }
                        }
                        """)
                .source("sample.clash.Col", """
                        package sample.clash;

                        @dev.ferry.model.Table("col")
                        public record Col(long id, java.lang.String name, String odd, dev.ferry.model.Ref<ToOne> other,
                                          dev.ferry.model.Many<ToOne> others, java.util.List<java.lang.String> names) {
                        }
                        """)
                .source("sample.clash.ToOne", """
                        package sample.clash;

                        @dev.ferry.model.Table("to_one")
                        public record ToOne(long id, dev.ferry.model.Ref<Col> col, java.util.Map<java.lang.String, ? extends Number> scores) {
                        }
                        """)
                .compile();
        assertClean(c);
        assertThat(c.generated("sample.clash.Col_"))
                .contains("import java.lang.String;")
                .contains("public static final dev.ferry.query.Col<Col, String> NAME = dev.ferry.query.Col.of(Col.class, \"name\", String.class);")
                .contains("dev.ferry.query.Col<Col, sample.clash.String> ODD = dev.ferry.query.Col.of(Col.class, \"odd\", sample.clash.String.class);")
                .contains("public static final ToOne<Col, sample.clash.ToOne> OTHER = ToOne.of(Col.class, \"other\", sample.clash.ToOne.class);");
        assertThat(c.generated("sample.clash.ToOne_"))
                .contains("import dev.ferry.query.Col;")
                .contains("public static final dev.ferry.query.ToOne<ToOne, sample.clash.Col> COL = dev.ferry.query.ToOne.of(ToOne.class, \"col\", sample.clash.Col.class);")
                .contains("Col<ToOne, Map<String, ? extends Number>> SCORES = (Col) Col.of(ToOne.class, \"scores\", Map.class);");
        assertValid(c, "sample.clash.Col_", "sample.clash.ToOne_");
    }

    @Test
    void deprecatedAndInaccessibleComponentTypesStillCompileWithoutWarnings() throws Exception {
        Compilation c = new Compilation.Builder(dir)
                .source("sample.old.Legacy", """
                        package sample.old;

                        @Deprecated
                        public final class Legacy {
                        }
                        """)
                .source("sample.old.Doomed", """
                        package sample.old;

                        @Deprecated(forRemoval = true)
                        public final class Doomed {
                        }
                        """)
                .source("sample.old.Holder", """
                        package sample.old;

                        import dev.ferry.model.Table;

                        @Table("holder")
                        @SuppressWarnings({"deprecation", "removal", "rawtypes"})
                        public record Holder(long id, Legacy legacy, Doomed doomed, Secret secret, java.util.List raw) {
                            private record Secret(int x) {
                            }
                        }
                        """)
                .compile();
        assertClean(c);
        assertThat(c.generated("sample.old.Holder_"))
                .contains("    @SuppressWarnings(\"deprecation\")\n    public static final Col<Holder, Legacy> LEGACY")
                .contains("    @SuppressWarnings(\"removal\")\n    public static final Col<Holder, Doomed> DOOMED")
                // A private nested type cannot be named from Holder_: the column is typed Object.
                .contains("public static final Col<Holder, Object> SECRET = Col.of(Holder.class, \"secret\", Object.class);")
                .contains("    @SuppressWarnings(\"rawtypes\")\n    public static final Col<Holder, List> RAW = Col.of(Holder.class, \"raw\", List.class);");
        assertValid(c, "sample.old.Holder_");
    }

    // ---------------------------------------------------------------- rounds

    /** Writes a @Table record in the first round, as another annotation processor might. */
    @javax.annotation.processing.SupportedAnnotationTypes("*")
    static final class LateRecordProcessor extends AbstractProcessor {
        private boolean written;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                try {
                    JavaFileObject f = processingEnv.getFiler().createSourceFile("sample.late.Late");
                    try (Writer w = f.openWriter()) {
                        w.write("""
                                package sample.late;

                                @dev.ferry.model.Table("late")
                                public record Late(long id, String name, dev.ferry.model.Ref<sample.early.Early> early) {
                                }
                                """);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void recordsOfLaterRoundsAndRecordsWaitingForGeneratedTypesAreGeneratedOnce() throws Exception {
        Compilation c = new Compilation.Builder(dir)
                .source("sample.early.Early", """
                        package sample.early;

                        @dev.ferry.model.Table("early")
                        public record Early(long id, dev.ferry.model.Ref<sample.late.Late> late,
                                            dev.ferry.model.Many<sample.late.Late> lates) {
                        }
                        """)
                .processor(new LateRecordProcessor())
                .compile();
        assertClean(c);
        assertThat(c.generated("sample.early.Early_"))
                .contains("public static final ToOne<Early, Late> LATE = ToOne.of(Early.class, \"late\", Late.class);")
                .contains("public static final ToMany<Early, Late> LATES = ToMany.of(Early.class, \"lates\", Late.class);");
        assertThat(c.generated("sample.late.Late_"))
                .contains("public static final ToOne<Late, Early> EARLY = ToOne.of(Late.class, \"early\", Early.class);");
        assertValid(c, "sample.early.Early_", "sample.late.Late_");
    }

    @Test
    void rerunningOverThePreviousOutputGivesTheSameSources() {
        Compilation first = model().compile();
        assertClean(first);
        String before = first.generated("sample.model.Occurrence_");
        // Like an incremental build: the previous classes on the classpath, the same output folders.
        Compilation second = model().classpath(first.classes).compile();
        assertClean(second);
        assertThat(second.generated("sample.model.Occurrence_")).isEqualTo(before);
    }

    // ---------------------------------------------------------------- modules

    private Compilation.Builder module(String moduleInfo) {
        return new Compilation.Builder(dir)
                .source("module-info", moduleInfo)
                // Stand-ins for Ferry inside the module (a named module does not read the class path).
                .source("dev.ferry.model.Table", """
                        package dev.ferry.model;

                        public @interface Table {
                            String value();
                        }
                        """)
                .source("dev.ferry.query.Col", """
                        package dev.ferry.query;

                        public final class Col<E, V> {
                            private Col() {
                            }

                            public static <E, V> Col<E, V> of(Class<E> root, String path, Class<V> type) {
                                return new Col<>();
                            }
                        }
                        """)
                .source("sample.mod.Thing", """
                        package sample.mod;

                        @dev.ferry.model.Table("thing")
                        public record Thing(long id, String name) {
                        }
                        """);
    }

    @Test
    void inANamedModuleTheGeneratedAnnotationAppearsOnlyWhereItCompilesCleanly() {
        String stubs = " exports dev.ferry.model; exports dev.ferry.query; }";
        // Does not read java.compiler: the annotation would not compile.
        assertGeneratedAnnotation("module sample.mod { exports sample.mod;" + stubs, false);
        // Reads it, package not exported: fine.
        assertGeneratedAnnotation("module sample.mod { requires java.compiler;" + stubs, true);
        // Reads it through java.se, but exports the package without passing java.compiler on: -Xlint:exports would warn.
        assertGeneratedAnnotation("module sample.mod { requires java.se; exports sample.mod;" + stubs, false);
        // Passes it on: fine.
        assertGeneratedAnnotation("module sample.mod { requires transitive java.se; exports sample.mod;" + stubs, true);
    }

    private void assertGeneratedAnnotation(String moduleInfo, boolean expected) {
        Path previous = dir;
        dir = dir.resolve("m" + Math.abs(moduleInfo.hashCode()));
        try {
            Compilation c = module(moduleInfo).compile();
            assertClean(c);
            String source = c.generated("sample.mod.Thing_");
            assertThat(source)
                    .contains("public static final Col<Thing, String> NAME = Col.of(Thing.class, \"name\", String.class);");
            assertThat(source.contains("@javax.annotation.processing.Generated(\"dev.ferry.processor.MetamodelProcessor\")"))
                    .as(moduleInfo + "\n" + source).isEqualTo(expected);
        } finally {
            dir = previous;
        }
    }

    // ---------------------------------------------------------------- errors

    private static List<String> errors(Compilation c) {
        return c.of(Diagnostic.Kind.ERROR).stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Test
    void tableOnSomethingElseThanARecordIsAnError() {
        Compilation c = new Compilation.Builder(dir)
                .source("sample.bad.Occurrence", """
                        package sample.bad;

                        @dev.ferry.model.Table("main_occurrence")
                        public class Occurrence {
                        }
                        """)
                .compile();
        assertThat(c.success).isFalse();
        assertThat(errors(c)).containsExactly("@Table is for records: make Occurrence a record");
        Diagnostic<? extends JavaFileObject> d = c.of(Diagnostic.Kind.ERROR).get(0);
        assertThat(d.getSource().getName()).endsWith("sample/bad/Occurrence.java");
        assertThat(d.getLineNumber()).isEqualTo(4);
        assertThat(c.wasGenerated("sample.bad.Occurrence_")).isFalse();
    }

    @Test
    void aRelationWithoutATypeArgumentIsAnErrorNamingTheComponent() {
        Compilation c = new Compilation.Builder(dir)
                .source("sample.bad.Occurrence", """
                        package sample.bad;

                        import dev.ferry.model.Many;
                        import dev.ferry.model.Ref;

                        @dev.ferry.model.Table("main_occurrence")
                        @SuppressWarnings("rawtypes")
                        public record Occurrence(long id,
                                                 Ref determination,
                                                 Many detections) {
                        }
                        """)
                .compile();
        assertThat(c.success).isFalse();
        assertThat(errors(c)).containsExactly(
                "component 'determination' of Occurrence is a Ref without a type argument: name its target entity, "
                        + "e.g. Ref<Taxon> determination",
                "component 'detections' of Occurrence is a Many without a type argument: name its target entity, "
                        + "e.g. Many<Taxon> detections");
        assertThat(c.of(Diagnostic.Kind.ERROR)).extracting(Diagnostic::getLineNumber).containsExactly(9L, 10L);
        assertThat(c.wasGenerated("sample.bad.Occurrence_")).isFalse();
    }

    @Test
    void recordsTheMetamodelCannotDescribeAreErrorsNamingTheFix() {
        Compilation c = new Compilation.Builder(dir)
                .source("sample.bad.Outer", """
                        package sample.bad;

                        public class Outer {
                            @dev.ferry.model.Table("hidden")
                            private record Hidden(long id) {
                            }
                        }
                        """)
                .source("sample.bad.Generic", """
                        package sample.bad;

                        @dev.ferry.model.Table("generic")
                        public record Generic<T>(long id, T value) {
                        }
                        """)
                .source("sample.bad.Clash", """
                        package sample.bad;

                        @dev.ferry.model.Table("clash")
                        public record Clash(long id, String fooBar, String foo_bar) {
                        }
                        """)
                .source("sample.bad.Wild", """
                        package sample.bad;

                        @dev.ferry.model.Table("wild")
                        public record Wild(long id, dev.ferry.model.Ref<? extends Wild> parent) {
                        }
                        """)
                .compile();
        assertThat(c.success).isFalse();
        assertThat(errors(c)).containsExactlyInAnyOrder(
                "Hidden is private or inside a private type: its generated metamodel cannot name it; make it "
                        + "package-private or public",
                "@Table record Generic must not be generic: Ferry maps one concrete record per table; remove its type "
                        + "parameters",
                "components 'fooBar' and 'foo_bar' of Clash both become the constant Clash_.FOO_BAR; rename one of them",
                "component 'parent' of Wild must name its target entity as a plain class, e.g. Ref<Taxon> parent, "
                        + "not Ref<? extends sample.bad.Wild>");
        assertThat(List.of("Outer_Hidden_", "Generic_", "Clash_", "Wild_"))
                .noneMatch(name -> c.wasGenerated("sample.bad." + name));
    }

    @Test
    void aHandWrittenMetamodelIsReportedNotOverwritten() {
        Compilation c = new Compilation.Builder(dir)
                .source("sample.bad.Thing", """
                        package sample.bad;

                        @dev.ferry.model.Table("thing")
                        public record Thing(long id) {
                        }
                        """)
                .source("sample.bad.Thing_", """
                        package sample.bad;

                        public final class Thing_ {
                        }
                        """)
                .compile();
        assertThat(c.success).isFalse();
        assertThat(errors(c)).singleElement().asString()
                .startsWith("cannot generate sample.bad.Thing_")
                .endsWith("if Thing_ is written by hand, delete it; Ferry's metamodel processor writes it now");
    }

    // ---------------------------------------------------------------- names

    @Test
    void constantNamesAreUpperSnakeCase() {
        assertThat(MetamodelProcessor.constantName("id")).isEqualTo("ID");
        assertThat(MetamodelProcessor.constantName("determinationScore")).isEqualTo("DETERMINATION_SCORE");
        assertThat(MetamodelProcessor.constantName("frameNum")).isEqualTo("FRAME_NUM");
        assertThat(MetamodelProcessor.constantName("URLPath")).isEqualTo("URL_PATH");
        assertThat(MetamodelProcessor.constantName("sourceURL")).isEqualTo("SOURCE_URL");
        assertThat(MetamodelProcessor.constantName("line2Text")).isEqualTo("LINE2_TEXT");
        assertThat(MetamodelProcessor.constantName("x")).isEqualTo("X");
        assertThat(MetamodelProcessor.constantName("already_snake")).isEqualTo("ALREADY_SNAKE");
        assertThat(MetamodelProcessor.constantName("snake_Case")).isEqualTo("SNAKE_CASE");
    }

    @Test
    void declaresItsContract() {
        MetamodelProcessor p = new MetamodelProcessor();
        assertThat(p.getSupportedAnnotationTypes()).containsExactly("dev.ferry.model.Table");
        assertThat(p.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    }
}
