package io.github.metasweep.spark.exec;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts failed task attempts (each one Spark retries, or gives up on) while a sweep runs. */
final class TaskFailureCounter extends SparkListener {
    private final AtomicLong failedAttempts = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskInfo() != null && taskEnd.taskInfo().failed()) {
            failedAttempts.incrementAndGet();
        }
    }

    long failedAttempts() {
        return failedAttempts.get();
    }
}
