package io.github.metasweep.model.pendulum;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Neural Battery paper's published numbers (its Table 1, Table 2 and per-seed results file),
 * shipped as data in {@code reference/neural-battery-published.csv}.
 */
public final class PublishedNumbers {
    public static final String RESOURCE = "neural-battery-published.csv";
    private final List<PublishedNumber> rows;

    private PublishedNumbers(List<PublishedNumber> rows) {
        this.rows = List.copyOf(rows);
    }

    public static PublishedNumbers neuralBattery() {
        try (InputStream in = PublishedNumbers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static PublishedNumbers parse(BufferedReader reader) throws IOException {
        List<PublishedNumber> rows = new ArrayList<>();
        String header = null;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = line;
                if (!header.equals("source,table,row,seed,metric,value")) {
                    throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
                }
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 6 fields, found " + f.length);
            }
            rows.add(new PublishedNumber(f[0], f[1], f[2], f[3].isEmpty() ? null : Integer.valueOf(f[3]), f[4],
                    Double.parseDouble(f[5])));
        }
        return new PublishedNumbers(rows);
    }

    public List<PublishedNumber> all() {
        return rows;
    }

    /** The number of {@code source} for (table, row, metric), summary rows only (no seed). */
    public Optional<Double> find(String source, String table, String row, String metric) {
        return rows.stream()
                .filter(r -> r.source().equals(source) && r.table().equals(table) && r.row().equals(row)
                        && r.metric().equals(metric) && r.seed() == null)
                .map(PublishedNumber::value)
                .findFirst();
    }

    /** Per-seed values of the results file for (row, metric), in seed order. */
    public double[] perSeed(String row, String metric) {
        return rows.stream()
                .filter(r -> r.seed() != null && r.row().equals(row) && r.metric().equals(metric))
                .sorted(java.util.Comparator.comparing(PublishedNumber::seed))
                .mapToDouble(PublishedNumber::value)
                .toArray();
    }
}
