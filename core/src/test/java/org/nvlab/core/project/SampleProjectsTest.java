package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvlab.core.EngineAccess;
import org.nvlab.core.Model;
import org.nvlab.core.Simulation;
import org.nvlab.core.TestProjects;
import org.nvlab.core.record.MetricsRecorder;

/**
 * Every project shipped in sample-projects/ reads, compiles and runs headless for all its ticks,
 * and the samples written for this together show every release kind; the READMEs' claims about what
 * to watch are checked where they are exact.
 */
class SampleProjectsTest {

  static List<Path> samples() {
    return ProjectFixtures.samples();
  }

  @Test
  void theSamplesFolderHoldsTheShippedProjectsEachWithAReadme() throws Exception {
    List<String> names = samples().stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(
        List.of(
            "attention-limit.nvlab",
            "cascade-chain.nvlab",
            "dense-modulators.nvlab",
            "film-limit.nvlab",
            "hello-vesicles.nvlab",
            "hypernetwork-limit.nvlab",
            "memory-trace.nvlab",
            "sparse-agents.nvlab",
            "spiking-dopamine.nvlab"),
        names);
    for (Path p : samples()) {
      String readme = Files.readString(p.resolve("README.md"));
      assertTrue(readme.contains("What to watch"), p + "/README.md says what to watch");
      assertTrue(readme.contains("What it teaches"), p + "/README.md says what it teaches");
    }
  }

  @Test
  void theSamplesShowEveryReleaseKindAndBothHostKinds() throws Exception {
    Set<String> kinds = new TreeSet<>();
    Set<String> hosts = new TreeSet<>();
    for (Path p : samples()) {
      ProjectSpec spec = ProjectReader.read(p);
      hosts.add(spec.host().kind());
      spec.vesicleTypes().forEach(t -> t.release().forEach(r -> kinds.add(r.kind())));
    }
    assertEquals(Set.of("activation", "parameter", "learning", "memory", "cascade"), kinds);
    assertEquals(Set.of("rate", "lif"), hosts);
  }

  /** Each sample runs headless for all its ticks: no failure, no NaN, vesicles of every type. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aSampleRunsHeadlessForAllItsTicks(Path folder) throws Exception {
    try (Simulation sim = TestProjects.load(folder, 2)) {
      int ticks = sim.model().spec().ticks();
      sim.run(ticks);
      assertEquals(ticks, sim.tick());
      MetricsRecorder m = EngineAccess.metrics(sim);
      assertEquals(ticks, m.rows());
      for (int row = 0; row < m.rows(); row++) {
        for (int s = 0; s < m.names().size(); s++) {
          assertTrue(Float.isFinite(m.value(row, s)), folder + ": " + m.names().get(s));
        }
      }
      for (var t : sim.model().spec().vesicleTypes()) {
        int births = m.index("births." + t.name());
        double total = 0;
        for (int row = 0; row < m.rows(); row++) {
          total += m.value(row, births);
        }
        assertTrue(total > 0, folder + ": no " + t.name() + " vesicle was ever born");
      }
    }
  }

  /** What memory-trace/README.md says to watch. */
  @Test
  void theMemoryTraceOutlivesItsWritersAndGathersFollowers() throws Exception {
    try (Simulation sim = TestProjects.load(sample("memory-trace"), 2)) {
      sim.run(300);
      float memoryAt300 = EngineAccess.metrics(sim).last("mean_memory_norm");
      sim.run(300);
      MetricsRecorder m = EngineAccess.metrics(sim);
      assertEquals(0f, m.last("population.writer"), "writers stop at tick 300");
      assertTrue(memoryAt300 > 0.1, "the writers laid a trace: " + memoryAt300);
      assertEquals(memoryAt300, m.last("mean_memory_norm"), 0.02f, "and it stays");
      // Followers dock where the trace is: the nodes with a trace carry the bias they release.
      float[] memory = EngineAccess.host(sim).memory();
      float[] beta = EngineAccess.host(sim).beta();
      double onTrace = 0;
      double offTrace = 0;
      int on = 0;
      int off = 0;
      for (int i = 0; i < EngineAccess.host(sim).nodeCount(); i++) {
        if (Math.hypot(memory[2 * i], memory[2 * i + 1]) > 0.5) {
          onTrace += beta[i];
          on++;
        } else {
          offTrace += beta[i];
          off++;
        }
      }
      assertTrue(on > 3 && off > 3, on + " nodes on the trace, " + off + " off");
      double activeOn = 0;
      double activeOff = 0;
      float[] a = EngineAccess.host(sim).activation();
      for (int i = 0; i < EngineAccess.host(sim).nodeCount(); i++) {
        if (Math.hypot(memory[2 * i], memory[2 * i + 1]) > 0.5) {
          activeOn += a[i] / on;
        } else {
          activeOff += a[i] / off;
        }
      }
      assertTrue(
          activeOn > 5 * activeOff, "activation on the trace " + activeOn + ", off " + activeOff);
      assertTrue(
          onTrace / on > 5 * (offTrace / off),
          "mean bias on the trace " + onTrace / on + ", off it " + offTrace / off);
    }
  }

  /** What cascade-chain/README.md says to watch: x2 per stage, two ticks per stage. */
  @Test
  void theCascadeChainDoublesAtEachStageTwoTicksLater() throws Exception {
    try (Simulation sim = TestProjects.load(sample("cascade-chain"), 2)) {
      sim.run(sim.model().spec().ticks());
      MetricsRecorder m = EngineAccess.metrics(sim);
      int sparks = m.index("dockings.spark");
      int relays = m.index("births.relay");
      int relayDocks = m.index("dockings.relay");
      int effectors = m.index("births.effector");
      int effectorDocks = m.index("dockings.effector");
      double total = 0;
      for (int row = 0; row < m.rows(); row++) {
        total += m.value(row, sparks);
        assertEquals(2 * m.value(row, sparks), m.value(row, relays), "row " + row);
        assertEquals(2 * m.value(row, relayDocks), m.value(row, effectors), "row " + row);
        if (row >= 2) {
          assertEquals(m.value(row - 2, relays), m.value(row, relayDocks), "row " + row);
          assertEquals(m.value(row - 2, effectors), m.value(row, effectorDocks), "row " + row);
        }
      }
      assertTrue(total > 100, "sparks docked: " + total);
    }
  }

  private static Path sample(String name) {
    return ProjectFixtures.samplesFolder().resolve(name + ".nvlab");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aSampleProjectReadsAndCompiles(Path folder) throws ProjectException {
    ProjectSpec spec = ProjectReader.read(folder);
    Model p = Model.compile(spec);
    String folderName = folder.getFileName().toString();
    assertEquals(folderName.substring(0, folderName.length() - ".nvlab".length()), spec.name());
    assertEquals(ProjectSpec.FORMAT_VERSION, spec.formatVersion());
    assertFalse(spec.vesicleTypes().isEmpty(), "a sample without vesicles shows nothing");
    assertEquals(spec.vesicleTypes().size(), p.types().length);
    assertTrue(p.host().nodeCount() > 0);
    assertTrue(spec.ticks() > 0);
  }
}
