package io.github.metasweep.model.metatransfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The meta-transfer paper's published tables (mean and sd over its 3 seeds), shipped as
 * {@code meta-transfer-published.csv}: one row per table, benchmark, method and axis value.
 */
final class PublishedTables {
    static final String RESOURCE = "meta-transfer-published.csv";

    record Row(String table, String benchmark, String method, String axis, double axisValue, String metric,
               double mean, double sd) {
    }

    private PublishedTables() {
    }

    static List<Row> rows() {
        try (InputStream in = PublishedTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static List<Row> parse(BufferedReader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        String line;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", -1);
            double axisValue = f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]); // a reference row has none
            rows.add(new Row(f[0], f[1], f[2], f[3], axisValue, f[5], Double.parseDouble(f[7]),
                    Double.parseDouble(f[8])));
        }
        return rows;
    }

    /** The rows of one benchmark. */
    static List<Row> of(String benchmark) {
        return rows().stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }
}
