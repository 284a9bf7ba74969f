package org.nvlab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.nvlab.core.DeterminismProjects;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.bench.ReferenceWorkload;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;

/** Nothing is allocated per tick in steady state, on the calling thread or any worker. */
class AllocationTest {

  @Test
  void steadyStateTicksOfTheReferenceWorkloadAllocateNothing() throws Exception {
    ReferenceWorkload w = new ReferenceWorkload(2000, 8, 100_000, 8);
    try (Simulation sim = TestProjects.recorded(Model.compile(w.spec()), 1, 2)) {
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

  @Test
  void ticksAfterALiveRuleChangeAllocateNothing() throws Exception {
    String json = DeterminismProjects.all().get("rate-everything");
    ProjectDocument doc = ProjectDocument.parse(json, "test.json");
    try (Simulation sim = TestProjects.recorded(Model.compile(doc.spec()), 1, 2)) {
      sim.run(50);
      doc.apply(ProjectEdit.set("/vesicleTypes/0/kernel/temperature", 0.5));
      doc.apply(ProjectEdit.set("/vesicleTypes/1/kernel/neighbourhood", "both"));
      sim.takeRules(Model.compile(doc.spec()));
      assertNoAllocation(sim);
    }
  }

  /**
   * Steady state: the JIT has settled and buffers have reached the sizes the run needs. A
   * fluctuating population can still set a new maximum now and then (buffers grow by doubling, so
   * ever more rarely), and on a loaded machine compilation can lag; so up to three windows of 100
   * ticks are measured and one of them must allocate nothing at all.
   */
  private static void assertNoAllocation(Simulation sim) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    EngineAccess.metrics(sim).reserve(600);
    sim.run(150);
    long[] ids = engineThreads();
    long allocated = -1;
    for (int window = 0; window < 3 && allocated != 0; window++) {
      // The measurement itself allocates its result array: measure that and subtract it.
      long m0 = sum(mx.getThreadAllocatedBytes(ids));
      long m1 = sum(mx.getThreadAllocatedBytes(ids));
      for (int i = 0; i < 100; i++) {
        sim.step();
      }
      long after = sum(mx.getThreadAllocatedBytes(ids));
      allocated = after - m1 - (m1 - m0);
    }
    assertEquals(0, allocated, "bytes allocated by 100 steady-state ticks");
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
