package org.nvlab.core.bench;

import java.util.concurrent.TimeUnit;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmark of one engine tick on the reference workload. Not part of the test suite; run it
 * with the command in docs/performance.md. The score is time per tick; divide the population by it
 * for vesicle-steps per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-XX:+UseTransparentHugePages"})
public class TickBenchmark {

  @Param({"1000000"})
  public int vesicles;

  @Param({"10000"})
  public int nodes;

  @Param({"1", "2"})
  public int threads;

  private Simulation sim;

  @Setup(Level.Trial)
  public void setUp() {
    sim = new ReferenceWorkload(nodes, 10, vesicles, 8).simulation(1, threads);
    for (int i = 0; i < 60; i++) {
      sim.step();
    }
  }

  @Benchmark
  public void tick(Blackhole bh) {
    sim.step();
    bh.consume(EngineAccess.engine(sim).population().size());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sim.close();
  }
}
