package org.nvlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.observe.MetricsObserver;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.RandomProjects;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.state.CheckpointException;
import org.nvlab.core.testing.Seeds;

/**
 * A run resumed from a checkpoint is the run that was never interrupted: the same state hash after
 * every later tick, whatever the threads of the writer and of the reader, whatever edits it took
 * before, with its metrics from tick 0; and a checkpoint that is damaged, cut short or of another
 * network is refused with a message saying so.
 */
class CheckpointTest {

  private static String metricsCsv(MetricsRecorder m) throws Exception {
    StringWriter w = new StringWriter();
    m.writeCsv(w);
    return w.toString();
  }

  /** The state hash after {@code total} uninterrupted ticks, and the metrics. */
  private static String[] uninterrupted(Model model, long seed, int threads, int total)
      throws Exception {
    try (Simulation sim = model.instantiate(seed, threads)) {
      MetricsRecorder m = sim.observe(new MetricsObserver()).recorder();
      sim.run(total);
      return new String[] {sim.stateHash(), metricsCsv(m)};
    }
  }

  /** Runs {@code at} ticks, checkpoints in memory, resumes with other threads, runs the rest. */
  private static String[] interrupted(
      Model model, long seed, int writeThreads, int readThreads, int at, int total)
      throws Exception {
    byte[] saved;
    try (Simulation sim = model.instantiate(seed, writeThreads)) {
      MetricsRecorder m = sim.observe(new MetricsObserver()).recorder();
      sim.run(at);
      saved = Checkpoints.toBytes(sim, m);
    }
    Checkpoints.Restored r = Checkpoints.read(saved, "memory", readThreads, model);
    try (Simulation sim = r.simulation()) {
      assertEquals(at, sim.tick());
      sim.observe(new MetricsObserver(r.metrics()));
      sim.run(total - at);
      return new String[] {sim.stateHash(), metricsCsv(r.metrics())};
    }
  }

  private interface Outcome {
    String[] get() throws Exception;
  }

  /** A run's hash and metrics, or the engine's message when it stopped (a random run may). */
  private static String[] outcome(Outcome o) throws Exception {
    try {
      return o.get();
    } catch (org.nvlab.core.process.SimulationException e) {
      return new String[] {"stopped: " + e.getMessage(), ""};
    }
  }

  @TestFactory
  Stream<DynamicTest> aResumedRunOfARandomProjectReachesTheUninterruptedRunsState() {
    return Seeds.cases(
        60,
        r -> {
          Model model =
              Model.compile(ProjectReader.read(RandomProjects.project(r), "random.json"));
          int total = 1 + r.nextInt(40);
          int at = r.nextInt(total + 1);
          int threads = 1 + r.nextInt(4);
          long seed = r.nextInt(1000);
          int readThreads = 1 + r.nextInt(4);
          String[] a = outcome(() -> uninterrupted(model, seed, 1, total));
          String[] b = outcome(() -> interrupted(model, seed, threads, readThreads, at, total));
          assertEquals(a[0], b[0], "state after " + total + " ticks, checkpoint at " + at);
          assertEquals(a[1], b[1], "metrics.csv");
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rate-everything", "lif-dopamine", "grid-replace"})
  void resumingWithOneTwoOrFourThreadsGivesTheSameStateAsNeverStopping(String name)
      throws Exception {
    Model model = TestProjects.compile(DeterminismProjects.all().get(name));
    String[] reference = uninterrupted(model, 11, 1, 80);
    for (int writer : new int[] {1, 2, 4}) {
      for (int reader : new int[] {1, 2, 4}) {
        String[] r = interrupted(model, 11, writer, reader, 37, 80);
        assertEquals(reference[0], r[0], name + ": written with " + writer + ", read with " + reader);
        assertEquals(reference[1], r[1], name + ": metrics");
      }
    }
  }

  @Test
  void aRunThatTookLiveEditsBeforeItsCheckpointResumesWithTheRulesItHad() throws Exception {
    String json = DeterminismProjects.all().get("rate-everything");
    ProjectDocument doc = ProjectDocument.parse(json, "test.json");
    Model first = Model.compile(doc.spec());
    doc.apply(ProjectEdit.set("/vesicleTypes/0/kernel/temperature", 0.5));
    Model second = Model.compile(doc.spec());
    doc.apply(ProjectEdit.set("/vesicleTypes/1/kernel/neighbourhood", "both"));
    Model third = Model.compile(doc.spec());

    String reference;
    try (Simulation sim = first.instantiate(5, 2)) {
      sim.run(20);
      sim.takeRules(second);
      sim.run(15);
      sim.takeRules(third);
      sim.run(25);
      reference = sim.stateHash();
    }
    for (int threads : new int[] {1, 2, 4}) {
      byte[] saved;
      try (Simulation sim = first.instantiate(5, threads)) {
        sim.run(20);
        sim.takeRules(second);
        sim.run(15);
        sim.takeRules(third);
        sim.run(5);
        saved = Checkpoints.toBytes(sim, null);
      }
      // Resumed from the checkpoint alone: it carries the rules the run had taken.
      Checkpoints.Restored r = Checkpoints.read(saved, "memory", threads, null);
      try (Simulation sim = r.simulation()) {
        assertEquals(2, sim.revision());
        assertEquals(2, r.header().revision());
        assertEquals(0.5, sim.model().spec().vesicleTypes().get(0).kernel().temperature());
        sim.run(20);
        assertEquals(reference, sim.stateHash(), threads + " threads");
      }
    }
  }

  @Test
  void aCheckpointFileIsWrittenWholeAndReadBackWithItsHeader(@TempDir Path dir) throws Exception {
    Model model = TestProjects.compile(DeterminismProjects.all().get("lif-dopamine"));
    Path file = dir.resolve("checkpoint-00000030" + Checkpoints.EXTENSION);
    String hash;
    try (Simulation sim = model.instantiate(3, 2)) {
      MetricsRecorder m = sim.observe(new MetricsObserver()).recorder();
      sim.run(30);
      long bytes = Checkpoints.save(sim, m, file);
      assertEquals(bytes, Files.size(file));
      hash = sim.stateHash();
    }
    try (var left = Files.list(dir)) {
      assertEquals(1, left.count(), "no temporary file is left beside it");
    }
    Checkpoints.Header h = Checkpoints.header(file);
    assertEquals(30, h.tick());
    assertEquals(3, h.seed());
    assertEquals(model.structureKey(), h.structureKey());
    assertTrue(h.metrics());
    Checkpoints.Restored r = Checkpoints.read(file, 1);
    try (Simulation sim = r.simulation()) {
      assertEquals(hash, sim.stateHash());
      assertEquals(30, r.metrics().rows());
    }
  }

  private static byte[] checkpoint() {
    Model model = TestProjects.compile(DeterminismProjects.all().get("rate-everything"));
    try (Simulation sim = model.instantiate(1, 1)) {
      MetricsRecorder m = sim.observe(new MetricsObserver()).recorder();
      sim.run(12);
      return Checkpoints.toBytes(sim, m);
    }
  }

  @Test
  void aCheckpointCutShortAnywhereIsRefusedAsCutShort() {
    byte[] whole = checkpoint();
    for (int cut : new int[] {0, 5, 17, 40, whole.length / 3, whole.length / 2, whole.length - 9,
        whole.length - 1}) {
      byte[] part = Arrays.copyOf(whole, cut);
      CheckpointException e =
          assertThrows(
              CheckpointException.class,
              () -> Checkpoints.read(part, "cut.nvcheckpoint", 1, null),
              "cut at byte " + cut);
      assertTrue(e.getMessage().startsWith("cut.nvcheckpoint"), e.getMessage());
      assertTrue(
          e.getMessage().contains("cut short") || e.getMessage().contains("not a checkpoint"),
          cut + ": " + e.getMessage());
    }
  }

  @Test
  void aCheckpointWithAChangedByteIsRefusedAsDamaged() {
    byte[] whole = checkpoint();
    int changed = 0;
    for (int at = whole.length / 2; at < whole.length - 8; at += whole.length / 7) {
      byte[] bad = whole.clone();
      bad[at] ^= 0x10;
      CheckpointException e =
          assertThrows(
              CheckpointException.class, () -> Checkpoints.read(bad, "bad.nvcheckpoint", 1, null));
      assertTrue(
          e.getMessage().contains("damaged") || e.getMessage().contains("another"),
          at + ": " + e.getMessage());
      changed++;
    }
    assertTrue(changed >= 3);
  }

  @Test
  void aCheckpointOfAnotherNetworkIsRefusedByName() {
    byte[] whole = checkpoint();
    Model other = TestProjects.compile(DeterminismProjects.all().get("grid-replace"));
    CheckpointException e =
        assertThrows(
            CheckpointException.class, () -> Checkpoints.read(whole, "a.nvcheckpoint", 1, other));
    assertTrue(e.getMessage().contains("network differs"), e.getMessage());
  }

  @Test
  void aFileThatIsNoCheckpointIsRefusedAsSuch(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("project.json");
    Files.writeString(f, "{\"formatVersion\": 2}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(f, 1));
    assertTrue(e.getMessage().contains("not a checkpoint"), e.getMessage());
    CheckpointException missing =
        assertThrows(
            CheckpointException.class, () -> Checkpoints.read(dir.resolve("none.nvcheckpoint"), 1));
    assertTrue(missing.getMessage().contains("there is no checkpoint"), missing.getMessage());
  }
}
