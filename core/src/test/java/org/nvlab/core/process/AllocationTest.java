package org.nvlab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.nvlab.core.DeterminismProjects;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.bench.ReferenceWorkload;

/** Nothing is allocated per tick in steady state, on the calling thread or any worker. */
class AllocationTest {

  @Test
  void steadyStateTicksOfTheReferenceWorkloadAllocateNothing() {
    ReferenceWorkload w = new ReferenceWorkload(2000, 8, 100_000, 8);
    try (Simulation sim = w.simulation(1, 2)) {
      assertNoAllocation(sim);
    }
  }

  @Test
  void steadyStateTicksWithEveryOperatorCascadesAndContentKernelsAllocateNothing() {
    String json = DeterminismProjects.all().get("rate-everything");
    try (Simulation sim = TestProjects.simulation(json, 1, 2)) {
      assertNoAllocation(sim);
    }
  }

  private static void assertNoAllocation(Simulation sim) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    sim.metrics().reserve(400);
    sim.run(150); // warm up: buffers grow to their steady size, the JIT settles
    long[] ids = engineThreads();
    // The measurement itself allocates its result array: measure that once and subtract it.
    long m0 = sum(mx.getThreadAllocatedBytes(ids));
    long m1 = sum(mx.getThreadAllocatedBytes(ids));
    long overhead = m1 - m0;
    for (int i = 0; i < 100; i++) {
      sim.step();
    }
    long after = sum(mx.getThreadAllocatedBytes(ids));
    assertEquals(0, after - m1 - overhead, "bytes allocated by 100 steady-state ticks");
  }

  private static long[] engineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t == Thread.currentThread() || t.getName().startsWith("nvlab-worker"))
        .mapToLong(Thread::getId)
        .toArray();
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }
}
