package io.github.metasweep.spark.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: positionals, {@code --flag}s and {@code --option value}s, checked against what it accepts. */
final class Args {
    final List<String> positionals = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();

    static Args parse(String command, String[] args, int from, Set<String> flags, Set<String> valued) {
        Args a = new Args();
        for (int i = from; i < args.length; i++) {
            String s = args[i];
            if (!s.startsWith("--")) {
                a.positionals.add(s);
                continue;
            }
            String name = s;
            String value = null;
            int eq = s.indexOf('=');
            if (eq > 0) {
                name = s.substring(0, eq);
                value = s.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                a.options.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException(command + ": " + name + ": a value is missing");
                    }
                    value = args[++i];
                }
                a.options.put(name, value);
            } else {
                List<String> accepted = new ArrayList<>(valued);
                accepted.addAll(flags);
                throw new UsageException(command + ": unknown option '" + s + "'; accepted: "
                        + String.join(", ", accepted.stream().sorted().toList()));
            }
        }
        return a;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String option(String name) {
        return options.get(name);
    }

    /** Exactly one positional argument, named {@code what} in the error. */
    String single(String command, String what) {
        if (positionals.size() != 1) {
            throw new UsageException(command + ": expected one " + what + ", found "
                    + (positionals.isEmpty() ? "none" : String.join(" ", positionals)));
        }
        return positionals.get(0);
    }
}
