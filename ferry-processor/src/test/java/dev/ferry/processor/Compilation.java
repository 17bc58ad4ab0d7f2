package dev.ferry.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles sample sources in memory with the metamodel processor, into a temporary directory. */
final class Compilation {

    /** The flags of Ferry's own build, plus warnings as errors. */
    static final List<String> STRICT = List.of("--release", "17", "-Xlint:all,-processing,-serial", "-Werror");

    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path generatedSources;
    final Path classes;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generatedSources,
                        Path classes) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.generatedSources = generatedSources;
        this.classes = classes;
    }

    /** Sources keyed by type name ({@code sample.Occurrence}, or {@code module-info}). */
    static final class Builder {
        private final Path dir;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final List<Processor> processors = new ArrayList<>(List.of(new MetamodelProcessor()));
        private final List<Path> extraClasspath = new ArrayList<>();
        private List<String> options = STRICT;

        Builder(Path dir) {
            this.dir = dir;
        }

        Builder source(String typeName, String text) {
            sources.put(typeName, text);
            return this;
        }

        Builder processor(Processor p) {
            processors.add(p);
            return this;
        }

        Builder options(List<String> options) {
            this.options = options;
            return this;
        }

        Builder classpath(Path p) {
            extraClasspath.add(p);
            return this;
        }

        Compilation compile() {
            try {
                Path gen = Files.createDirectories(dir.resolve("generated"));
                Path out = Files.createDirectories(dir.resolve("classes"));
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                    List<File> cp = new ArrayList<>();
                    extraClasspath.forEach(p -> cp.add(p.toFile()));
                    cp.addAll(testClasspath());
                    fm.setLocation(StandardLocation.CLASS_PATH, cp);
                    fm.setLocation(StandardLocation.SOURCE_PATH, List.of());
                    fm.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(gen));
                    fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
                    List<JavaFileObject> units = new ArrayList<>();
                    if (sources.containsKey("module-info")) {
                        // javac places a module's sources by their files on the source path: write them out.
                        Path src = Files.createDirectories(dir.resolve("src"));
                        fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of(src));
                        for (Map.Entry<String, String> e : sources.entrySet()) {
                            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                            Files.createDirectories(file.getParent());
                            Files.writeString(file, e.getValue());
                            fm.getJavaFileObjects(file).forEach(units::add);
                        }
                    } else {
                        sources.forEach((name, text) -> units.add(new Source(name, text)));
                    }
                    JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, options, null, units);
                    task.setProcessors(processors);
                    boolean ok = task.call();
                    return new Compilation(ok, diagnostics.getDiagnostics(), gen, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Ferry core and the rest of the test classpath (surefire sets java.class.path to it). */
    static List<File> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(File::new)
                .filter(File::exists)
                .toList();
    }

    /** The text of a generated source, by type name. */
    String generated(String typeName) {
        Path file = generatedSources.resolve(typeName.replace('.', '/') + ".java");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("not generated: " + typeName + "; diagnostics: " + report(), e);
        }
    }

    boolean wasGenerated(String typeName) {
        return Files.exists(generatedSources.resolve(typeName.replace('.', '/') + ".java"));
    }

    List<Diagnostic<? extends JavaFileObject>> of(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
    }

    /** Every diagnostic, one a line, for failure messages. */
    String report() {
        return diagnostics.stream()
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** A class loader over the compiled classes, child of the test's (so Ferry's classes are shared). */
    URLClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String typeName, String text) {
            super(URI.create("string:///" + typeName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
