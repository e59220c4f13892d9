package io.camelsegment.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU time and allocation of preparing one call (one event, or a batch of {@link Scenario#events()}), single
 * threaded. Run with {@code -prof gc} for bytes per call; divide by the scenario's events for bytes per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class PerEventBenchmark {

    @Param({ "camel-segment" })
    public String engine;

    @Param
    public Scenario scenario;

    private Engine prepared;
    private Object body;

    @Setup
    public void setUp() {
        prepared = Engines.named(engine);
        body = scenario.body();
    }

    @Benchmark
    public Object prepare() {
        return prepared.prepare(scenario, body);
    }
}
