package io.camelsegment.benchmarks;

import java.util.Map;
import java.util.function.Supplier;

/** The engines a benchmark can name in its {@code engine} parameter. */
public final class Engines {

    private static final Map<String, Supplier<Engine>> BY_NAME = Map.of("camel-segment", CamelSegmentEngine::new);

    private Engines() {
    }

    public static Engine named(String name) {
        Supplier<Engine> engine = BY_NAME.get(name);
        if (engine == null) {
            throw new IllegalArgumentException("No engine named " + name + "; known: " + BY_NAME.keySet());
        }
        return engine.get();
    }
}
