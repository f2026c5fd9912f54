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
        // schemas, sent back by the jobs that read Parquet footers
        "org.apache.spark.sql.types.StructType",
        "[Lorg.apache.spark.sql.types.StructType;",
        "org.apache.spark.sql.types.StructField",
        "[Lorg.apache.spark.sql.types.StructField;",
        "org.apache.spark.sql.types.ArrayType",
        "org.apache.spark.sql.types.MapType",
        "org.apache.spark.sql.types.Metadata",
        "org.apache.spark.sql.types.BooleanType$",
        "org.apache.spark.sql.types.IntegerType$",
        "org.apache.spark.sql.types.LongType$",
        "org.apache.spark.sql.types.DoubleType$",
        "org.apache.spark.sql.types.FloatType$",
        "org.apache.spark.sql.types.StringType",
        "org.apache.spark.sql.types.StringType$",
        "org.apache.spark.sql.types.BinaryType$",
        "org.apache.spark.sql.types.NullType$",
        "scala.collection.immutable.Map$EmptyMap$",
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
