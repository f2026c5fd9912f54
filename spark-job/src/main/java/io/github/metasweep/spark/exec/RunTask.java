package io.github.metasweep.spark.exec;

import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.core.Runner;
import io.github.metasweep.spark.store.HadoopConf;
import io.github.metasweep.spark.store.ResultStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * The executor side: one encoded run spec in, the run computed by the model's {@link Runner} and
 * its result written to {@code <out>/runs/<id>.json}; out comes a short line
 * {@code id<TAB>status<TAB>seconds}. A failure is thrown (so Spark retries the task) unless this
 * is the last attempt Spark will make: then it is recorded under {@code failures/} and the run
 * counts as failed, so one bad run never stops the others.
 */
public final class RunTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, ResultStore> STORES = new ConcurrentHashMap<>();

    private final String out;
    private final int maxAttempts;
    private final SweepCounters counters;

    public RunTask(String out, int maxAttempts, SweepCounters counters) {
        this.out = out;
        this.maxAttempts = maxAttempts;
        this.counters = counters;
    }

    @Override
    public String call(String encoded) throws Exception {
        RunSpec spec = RunSpecCodec.decode(encoded);
        ResultStore store = STORES.computeIfAbsent(out, o -> ResultStore.open(o, executorHadoopConf()));
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        try {
            RunResult result = Runner.run(spec, RunListener.SILENT);
            store.writeResult(spec.id(), RunResultJson.write(result));
            counters.finished().add(1);
            counters.runSeconds().add(result.seconds());
            if (result.status() == RunStatus.DIVERGED) {
                counters.diverged().add(1);
            }
            return String.format(Locale.ROOT, "%s\t%s\t%.3f", spec.id(), result.status().label(), result.seconds());
        } catch (Exception e) {
            if (attempt + 1 < maxAttempts) {
                throw e;
            }
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            store.writeFailure(spec.id(), "run " + spec.id() + " failed on attempt " + (attempt + 1) + " of "
                    + maxAttempts + " on " + InetAddress.getLocalHost().getHostName() + "\nspec: " + encoded + "\n"
                    + trace);
            counters.failed().add(1);
            return spec.id() + "\tfailed\t" + e;
        }
    }

    private static org.apache.hadoop.conf.Configuration executorHadoopConf() {
        SparkEnv env = SparkEnv.get();
        return env == null ? new org.apache.hadoop.conf.Configuration() : HadoopConf.from(env.conf());
    }
}
