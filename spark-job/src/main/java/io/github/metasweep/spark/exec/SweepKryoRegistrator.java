package io.github.metasweep.spark.exec;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers everything the sweep sends through Kryo ({@code spark.kryo.registrationRequired=true}):
 * encoded run specs and their outcome lines travel as Strings and String arrays; the classes below
 * are the ones Spark SQL ships between tasks while the tables and Parquet files are built.
 */
public final class SweepKryoRegistrator implements KryoRegistrator {
    /** Spark classes that are not public from Java, registered by name. */
    static final String[] SPARK_INTERNALS = {
    };

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(String[].class);
        kryo.register(Object[].class);
        for (String name : SPARK_INTERNALS) {
            try {
                kryo.register(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Spark class " + name + " is missing: another Spark version?", e);
            }
        }
    }
}
