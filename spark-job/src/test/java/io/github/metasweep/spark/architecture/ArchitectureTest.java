package io.github.metasweep.spark.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.MetricDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout that lets a new family be one package, one services line and one sweep file: the sweep job
 * depends on the model's core only and names no benchmark, method or metric; the core knows no family;
 * families do not know each other; the model knows no Spark.
 */
class ArchitectureTest {
    private static final String MODEL = "io.github.metasweep.model..";
    private static final String CORE = "io.github.metasweep.model.core..";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the model comes as a folder under mvn test and as its jar under mvn verify: keep it, no other jar
            .withImportOption(location -> !location.isJar()
                    || (location.contains("metasweep-model") && !location.contains("-tests")))
            .importPackages("io.github.metasweep");

    @Test
    void theSweepJobDependsOnTheModelsCoreOnly() {
        noClasses().that().resideInAPackage("io.github.metasweep.spark..")
                .should().dependOnClassesThat(resideInAPackage(MODEL).and(not(resideInAPackage(CORE))))
                .check(MAIN);
    }

    @Test
    void theCoreKnowsNoFamily() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat(resideInAPackage(MODEL).and(not(resideInAPackage(CORE))))
                .check(MAIN);
    }

    @Test
    void familiesDoNotDependOnEachOther() {
        slices().matching("io.github.metasweep.model.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(), resideInAPackage(CORE))
                .check(MAIN);
    }

    @Test
    void theModelKnowsNoSpark() {
        noClasses().that().resideInAPackage(MODEL).should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "io.github.metasweep.spark..").check(MAIN);
    }

    /** A string literal in the sweep job's sources equal to a family's benchmark, method or metric name. */
    @Test
    void theSweepJobsSourcesNameNoBenchmarkMethodOrMetric() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Benchmark b : Benchmarks.all().values()) {
            if (b.getClass().getName().startsWith("io.github.metasweep.model.")) {
                names.add(b.name());
                names.addAll(b.methods());
                b.metrics().stream().map(MetricDef::name).forEach(names::add);
            }
        }
        assertTrue(names.contains("pendulum-transfer") && names.contains("maml"), names.toString());
        // the spec's own words (seeds: {max}, statistic: mean) that meta-transfer's pooling methods also carry
        names.removeAll(Set.of("max", "mean"));
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> found = new ArrayList<>();
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (names.contains(m.group(1))) {
                        found.add(main.relativize(f) + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
