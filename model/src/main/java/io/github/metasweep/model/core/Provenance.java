package io.github.metasweep.model.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What produced a result: project version and commit, Java, ND4J and the BLAS thread setting. */
public record Provenance(String projectVersion, String gitCommit, String javaVersion, String nd4jVersion,
                         String ompNumThreads) {

    private static final Provenance CURRENT = read();

    public static Provenance current() {
        return CURRENT;
    }

    private static Provenance read() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/metasweep-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read metasweep-build.properties", e);
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        String commit = known(p.getProperty("git.commit"));
        if (!commit.equals("unknown") && "true".equals(p.getProperty("git.dirty"))) {
            commit += "-dirty";
        }
        return new Provenance(known(p.getProperty("project.version")), commit,
                System.getProperty("java.version"), known(p.getProperty("nd4j.version")),
                omp == null ? "unset" : omp);
    }

    /** Maven leaves {@code ${...}} in place when a property is unknown (no git checkout at build time). */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
