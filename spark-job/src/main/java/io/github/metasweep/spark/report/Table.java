package io.github.metasweep.spark.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A result table, rendered as CSV (full precision, empty cell for a missing value), Markdown and
 * LaTeX (booktabs; rounded for reading: {@link #number}).
 */
public record Table(String title, List<TableColumn> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, table " + columns.size());
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = List.copyOf(copy);
    }

    public String csv() {
        StringBuilder s = new StringBuilder();
        s.append(join(columns.stream().map(c -> csvCell(c.name())).toList(), ",")).append('\n');
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                cells.add(csvCell(v == null || (v instanceof Double d && Double.isNaN(d)) ? "" : String.valueOf(v)));
            }
            s.append(join(cells, ",")).append('\n');
        }
        return s.toString();
    }

    public String markdown() {
        StringBuilder s = new StringBuilder("## ").append(title).append("\n\n| ");
        s.append(join(columns.stream().map(TableColumn::name).toList(), " | ")).append(" |\n|");
        for (TableColumn c : columns) {
            s.append(c.kind() == TableColumn.Kind.TEXT ? "---|" : "---:|");
        }
        s.append('\n');
        for (List<Object> r : rows) {
            StringJoiner j = new StringJoiner(" | ", "| ", " |\n");
            for (int i = 0; i < r.size(); i++) {
                j.add(shown(columns.get(i), r.get(i)).replace("|", "\\|"));
            }
            s.append(j);
        }
        return s.toString();
    }

    public String latex() {
        StringBuilder s = new StringBuilder("% ").append(title).append(" (needs \\usepackage{booktabs})\n");
        s.append("\\begin{tabular}{");
        for (TableColumn c : columns) {
            s.append(c.kind() == TableColumn.Kind.TEXT ? 'l' : 'r');
        }
        s.append("}\n\\toprule\n");
        s.append(join(columns.stream().map(c -> tex(c.name())).toList(), " & ")).append(" \\\\\n\\midrule\n");
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(tex(shown(columns.get(i), r.get(i))));
            }
            s.append(join(cells, " & ")).append(" \\\\\n");
        }
        return s.append("\\bottomrule\n\\end{tabular}\n").toString();
    }

    static String shown(TableColumn c, Object v) {
        if (v == null || (v instanceof Double d && Double.isNaN(d))) {
            return c.kind() == TableColumn.Kind.TEXT ? "" : "–";
        }
        return switch (c.kind()) {
            case TEXT, COUNT -> String.valueOf(v);
            case NUMBER -> number(((Number) v).doubleValue());
            case PROBABILITY -> String.format(Locale.ROOT, "%.3g", ((Number) v).doubleValue());
        };
    }

    /** Two decimals, but three significant digits below 1, so that small errors (0.0177 against 0.0281) stay apart. */
    static String number(double x) {
        return String.format(Locale.ROOT, x == 0 || Math.abs(x) >= 1 ? "%.2f" : "%.3g", x);
    }

    private static String csvCell(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String tex(String v) {
        StringBuilder s = new StringBuilder();
        for (char ch : v.toCharArray()) {
            switch (ch) {
                case '_', '%', '&', '#', '$', '{', '}' -> s.append('\\').append(ch);
                case '–' -> s.append("--");
                case '~' -> s.append("\\textasciitilde{}");
                case '^' -> s.append("\\textasciicircum{}");
                case '\\' -> s.append("\\textbackslash{}");
                default -> s.append(ch);
            }
        }
        return s.toString();
    }

    private static String join(List<String> parts, String sep) {
        return String.join(sep, parts);
    }
}
