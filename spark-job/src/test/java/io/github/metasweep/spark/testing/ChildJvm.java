package io.github.metasweep.spark.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Other JVMs for tests (a sweep to kill, executors): this JVM's class path and the flags Spark needs on Java 17. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The --add-opens, --add-modules and related flags this JVM runs with. */
    public static List<String> javaFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList();
    }

    /** The command line of a JVM running {@code mainClass} with this JVM's class path, flags and {@code systemProperties}. */
    public static List<String> command(List<String> systemProperties, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaFlags());
        command.add("-Xmx1g");
        command.addAll(systemProperties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
