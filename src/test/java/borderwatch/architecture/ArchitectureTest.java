package borderwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of the code, checked on every build: packages depend one way, and the engine never on its callers. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("borderwatch");
    }

    /** The top-level package under {@code borderwatch} a class belongs to, or null for {@code borderwatch} itself. */
    private static String feature(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("borderwatch.")) {
            return null;
        }
        String rest = name.substring("borderwatch.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Which top-level packages each one uses, from the bytecode (imports, calls, fields, signatures). */
    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass c : production) {
            String from = feature(c);
            if (from == null) {
                continue;
            }
            Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = feature(d.getTargetClass());
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return uses;
    }

    /** Every cycle found by a depth-first walk, each as the packages along it. */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(start, graph, new ArrayDeque<>(), done, found);
        }
        return found;
    }

    private static void walk(String at, Map<String, Set<String>> graph, Deque<String> path, Set<String> done,
                             List<List<String>> found) {
        if (path.contains(at)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String p : (Iterable<String>) path::descendingIterator) {
                in |= p.equals(at);
                if (in) {
                    cycle.add(p);
                }
            }
            cycle.add(at);
            found.add(cycle);
            return;
        }
        if (done.contains(at)) {
            return;
        }
        path.push(at);
        for (String next : graph.getOrDefault(at, Set.of())) {
            walk(next, graph, path, done, found);
        }
        path.pop();
        done.add(at);
    }

    @Test
    void packagesFormNoCycles() {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).as("the packages were read").containsKeys("core", "cli", "http", "store", "board", "ingest");
        assertThat(cycles(graph)).as("package cycles in " + graph).isEmpty();
    }

    /**
     * Which packages, each subpackage on its own, each source file names: imports and qualified names
     * in code, comments left out. Read from the source, since a constant the compiler inlines leaves no
     * trace in the bytecode the check above reads.
     */
    private static Map<String, Set<String>> sourcePackageGraph() throws java.io.IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("\\b(borderwatch(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
        java.nio.file.Path root = java.nio.file.Path.of("src/main/java");
        try (var files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                String from = root.relativize(f.getParent()).toString().replace('/', '.');
                String code = java.nio.file.Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                java.util.regex.Matcher m = named.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void noPackageOrSubpackageFormsACycleInTheSourceEither() throws Exception {
        Map<String, Set<String>> graph = sourcePackageGraph();
        assertThat(graph).as("the sources were read").containsKeys("borderwatch.store", "borderwatch.store.sqlite",
                "borderwatch.http", "borderwatch.service");
        assertThat(cycles(graph)).as("package cycles, subpackages apart, in " + graph).isEmpty();
    }

    @Test
    void theCycleCheckFindsACycle() {
        // Sorted, as packageGraph() is, so the walk starts at "a" on every run.
        Map<String, Set<String>> graph = new TreeMap<>(
                Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c", "a"));
    }

    @Test
    void onlyTheCommandLineStartsTheService() {
        noClasses().that().resideOutsideOfPackages("borderwatch.cli..", "borderwatch")
                .should().dependOnClassesThat().resideInAPackage("borderwatch.cli..")
                .because("the command line depends on the engine, never the reverse").check(production);
    }

    @Test
    void onlyTheCommandLineAssemblesTheService() {
        noClasses().that().resideOutsideOfPackages("borderwatch.cli..", "borderwatch.service..")
                .should().dependOnClassesThat().resideInAPackage("borderwatch.service..")
                .because("features are assembled into a service, they do not reach for the assembly")
                .check(production);
    }

    /** Plumbing every package may use; it knows no feature. */
    static final Set<String> PLUMBING = Set.of("http", "store", "shared", "json", "readmodel", "engine", "auth", "plugin");
    /** The province's kernel (gates, zones, goods groups, levels), used by all; it knows only plumbing. */
    static final Set<String> KERNEL = Set.of("province");
    /** What assembles the node and the service out of the features; nothing below it reaches up. */
    static final Set<String> ASSEMBLY = Set.of("core", "service", "cli", "metrics");

    /**
     * Every other top-level package is a feature, found in the source tree rather than listed, so a new
     * feature is held to the rules the day it exists.
     */
    static Set<String> features() throws java.io.IOException {
        Set<String> out = new TreeSet<>();
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/borderwatch"))) {
            dirs.filter(java.nio.file.Files::isDirectory).map(d -> d.getFileName().toString())
                .filter(n -> !PLUMBING.contains(n) && !KERNEL.contains(n) && !ASSEMBLY.contains(n)).forEach(out::add);
        }
        return out;
    }

    private static String[] packages(Set<String> tops) {
        return tops.stream().map(t -> "borderwatch." + t + "..").toArray(String[]::new);
    }

    @Test
    void everyPackageHasItsPlaceAndEveryFeatureIsFound() throws Exception {
        assertThat(features()).as("features found in the tree").contains("audit", "drill", "sim", "forecast",
                "publicboard", "tradeplan", "board", "report", "gate");
        assertThat(features()).doesNotContainAnyElementsOf(PLUMBING).doesNotContainAnyElementsOf(ASSEMBLY);
    }

    /** Each feature is plugged in once: a descriptor in its own package, listed once by the assembly. */
    @Test
    void everyFeatureHasOneDescriptorInItsOwnPackageAndIsListed() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (borderwatch.plugin.Feature f : borderwatch.core.Features.ALL.all()) {
            assertThat(f.getClass().getPackageName()).as(f.name() + "'s descriptor lives in its package")
                    .isEqualTo("borderwatch." + f.name());
            listed.add(f.name());
        }
        assertThat(listed).as("features listed in core.Features").isEqualTo(features());
        for (String feature : features()) {
            long descriptors = production.stream().filter(c -> c.getPackageName().equals("borderwatch." + feature))
                    .filter(c -> c.isAssignableTo(borderwatch.plugin.Feature.class) && !c.isInterface()).count();
            assertThat(descriptors).as(feature + " has one descriptor").isEqualTo(1);
        }
    }

    @Test
    void featuresReachTheNodeThroughTheEngineInterfaceOnly() throws Exception {
        noClasses().that().resideInAnyPackage(packages(features()))
                .should().dependOnClassesThat().resideInAnyPackage(packages(ASSEMBLY))
                .because("the node knows every feature's aggregates and folds; features see it as an Engine")
                .check(production);
    }

    @Test
    void plumbingAndTheKernelKnowNoFeature() throws Exception {
        Set<String> above = new TreeSet<>(features());
        above.addAll(ASSEMBLY);
        noClasses().that().resideInAnyPackage(packages(PLUMBING))
                .should().dependOnClassesThat().resideInAnyPackage(packages(above)).check(production);
        noClasses().that().resideInAnyPackage(packages(KERNEL))
                .should().dependOnClassesThat().resideInAnyPackage(packages(above)).check(production);
    }

    @Test
    void everyPackageSaysWhatItOwnsAndWhereItStands() throws Exception {
        Set<String> features = features();
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/borderwatch"))) {
            for (java.nio.file.Path dir : dirs.filter(java.nio.file.Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                java.nio.file.Path info = dir.resolve("package-info.java");
                assertThat(info).as(name + " says what it owns and may use").exists();
                String place = PLUMBING.contains(name) ? "plumbing" : KERNEL.contains(name) ? "kernel"
                        : ASSEMBLY.contains(name) ? "assembly" : "feature";
                assertThat(features.contains(name)).isEqualTo(place.equals("feature"));
                assertThat(java.nio.file.Files.readString(info)).as(name + "'s written place is the checked one")
                        .contains("Place: " + place + ".");
            }
        }
    }

    @Test
    void theSourceKeepsTheSameRules() throws Exception {
        Set<String> features = features();
        List<String> broken = new ArrayList<>();
        sourcePackageGraph().forEach((from, targets) -> {
            String top = from.split("\\.").length > 1 ? from.split("\\.")[1] : "";
            for (String target : targets) {
                String to = target.split("\\.")[1];
                boolean plumbing = PLUMBING.contains(top) || KERNEL.contains(top);
                if ((features.contains(top) && ASSEMBLY.contains(to))
                        || (plumbing && (features.contains(to) || ASSEMBLY.contains(to)))) {
                    broken.add(from + " -> " + target);
                }
            }
        });
        assertThat(broken).as("uses the rules forbid, read from the source").isEmpty();
    }

    @Test
    void theNodeKnowsNoRouteNorItsAssembly() {
        noClasses().that().resideInAPackage("borderwatch.core..")
                .should().dependOnClassesThat().resideInAnyPackage("borderwatch.http..", "borderwatch.service..",
                        "borderwatch.cli..")
                .check(production);
    }

    @Test
    void theProductKnowsNothingOfItsBenchmark() {
        noClasses().should().dependOnClassesThat().resideInAPackage("borderwatch.bench..").check(production);
    }
}
