package org.nvlab.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectWriter;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.state.CheckpointException;
import org.nvlab.core.state.CheckpointReader;
import org.nvlab.core.state.CheckpointWriter;

/**
 * Checkpoints: the complete state of a run (host arrays, pools, counters, the tick), with what is
 * needed to make that run again (the project as its rules stood, the seed, the number of live rule
 * changes taken), written to a versioned file or into memory, and read back into a fresh run that
 * goes on exactly as the original would have: the same state after every later tick, whatever the
 * number of threads of either. The run's metrics may ride along, so a resumed run's metrics.csv has
 * every row from tick 0.
 *
 * <p>A checkpoint carries the applied project itself (as project.json text), so it needs nothing
 * else to be resumed; and it records the project's structure key, so it is refused by a run of
 * another network ({@link #read(InputStream, String, int, Model)}). A damaged, cut-short or foreign
 * file is refused with a message naming the file and what is wrong.
 */
public final class Checkpoints {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file name extension of checkpoints. */
  public static final String EXTENSION = ".nvcheckpoint";

  private Checkpoints() {}

  /**
   * What a checkpoint says about itself.
   *
   * @param project the project's name
   * @param structureKey the network's fingerprint ({@link Model#structureKey})
   * @param seed the run seed
   * @param tick the ticks run when it was written
   * @param revision the live rule changes the run had taken
   * @param threads the engine threads of the run that wrote it (the state does not depend on it)
   * @param written when it was written
   * @param metrics whether the run's metric rows are in it
   * @param projectJson the project as the run's rules stood, as project.json text
   */
  public record Header(
      String project,
      String structureKey,
      long seed,
      int tick,
      int revision,
      int threads,
      String written,
      boolean metrics,
      String projectJson) {}

  /** A run made again from a checkpoint: its header, the run, and its metrics (or null). */
  public record Restored(Header header, Simulation simulation, MetricsRecorder metrics) {}

  /** Writes a checkpoint of {@code sim} (with {@code metrics} when not null) to a stream. */
  public static long write(Simulation sim, MetricsRecorder metrics, OutputStream out)
      throws IOException {
    ObjectNode h = JSON.createObjectNode();
    h.put("project", sim.model().name());
    h.put("structureKey", sim.model().structureKey());
    h.put("seed", sim.seed());
    h.put("tick", sim.tick());
    h.put("revision", sim.revision());
    h.put("threads", sim.threads());
    h.put("written", Instant.now().toString());
    h.put("metrics", metrics != null);
    h.put("projectJson", ProjectWriter.text(sim.model().spec()));
    CheckpointWriter w = new CheckpointWriter(out, JSON.writeValueAsString(h));
    try {
      sim.visitState(w);
      if (metrics != null) {
        metrics.visit(w);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.finish();
    return w.bytes();
  }

  /** A checkpoint held in memory (the window's ring of recent states). */
  public static byte[] toBytes(Simulation sim, MetricsRecorder metrics) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
    try {
      write(sim, metrics, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return b.toByteArray();
  }

  /**
   * Writes a checkpoint file so that it is there whole or not at all: a temporary file beside it,
   * synced, then renamed over the target.
   *
   * @return the bytes written
   */
  public static long save(Simulation sim, MetricsRecorder metrics, Path file)
      throws CheckpointException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve(file.getFileName() + ".part");
    long bytes;
    try {
      Files.createDirectories(dir);
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  tmp,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE),
              1 << 16)) {
        bytes = write(sim, metrics, out);
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the message below is what matters
      }
      throw new CheckpointException("cannot write the checkpoint " + file + ": " + describe(e), e);
    }
    return bytes;
  }

  /** Reads a checkpoint file into a fresh run with {@code threads} engine threads. */
  public static Restored read(Path file, int threads) throws CheckpointException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in, file.toString(), threads, null);
    } catch (NoSuchFileException e) {
      throw new CheckpointException("there is no checkpoint " + file);
    } catch (IOException e) {
      throw new CheckpointException("cannot read the checkpoint " + file + ": " + describe(e), e);
    }
  }

  /** Reads a checkpoint held in memory. */
  public static Restored read(byte[] data, String source, int threads, Model expected)
      throws CheckpointException {
    return read(new ByteArrayInputStream(data), source, threads, expected);
  }

  /**
   * Reads a checkpoint into a fresh run. With {@code expected} not null, a checkpoint of another
   * network (another structure key) is refused before anything is built.
   *
   * @param source how messages name the checkpoint (a file name)
   */
  public static Restored read(InputStream in, String source, int threads, Model expected)
      throws CheckpointException {
    CheckpointReader r;
    try {
      r = CheckpointReader.open(in);
    } catch (CheckpointException e) {
      throw new CheckpointException(source + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CheckpointException("cannot read " + source + ": " + describe(e.getCause()), e);
    }
    Header h = header(r.header(), source);
    if (expected != null && !expected.structureKey().equals(h.structureKey())) {
      throw new CheckpointException(
          source
              + ": it is a checkpoint of the project '"
              + h.project()
              + "', whose network differs from the one of '"
              + expected.name()
              + "' (another host, graph, seed or signals): it cannot be restored here");
    }
    Model model = model(h, source);
    Simulation sim = model.instantiate(h.seed(), threads);
    try {
      sim.restore(r, h.revision());
      MetricsRecorder metrics = null;
      if (h.metrics()) {
        metrics = new MetricsRecorder();
        metrics.visit(r);
      }
      r.finish();
      return new Restored(h, sim, metrics);
    } catch (CheckpointException e) {
      sim.close();
      throw new CheckpointException(source + ": " + e.getMessage(), e);
    } catch (CheckpointReader.Damaged | IllegalStateException e) {
      sim.close();
      throw new CheckpointException(source + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      sim.close();
      throw new CheckpointException("cannot read " + source + ": " + describe(e.getCause()), e);
    } catch (RuntimeException | Error e) {
      sim.close();
      throw e;
    }
  }

  /** A checkpoint file's header alone (to list checkpoints, or check one before resuming). */
  public static Header header(Path file) throws CheckpointException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return header(CheckpointReader.open(in).header(), file.toString());
    } catch (CheckpointException e) {
      throw new CheckpointException(file + ": " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new CheckpointException("there is no checkpoint " + file);
    } catch (IOException | UncheckedIOException e) {
      throw new CheckpointException(
          "cannot read the checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private static Header header(String text, String source) throws CheckpointException {
    try {
      JsonNode h = JSON.readTree(text);
      String[] fields = {"project", "structureKey", "seed", "tick", "revision", "projectJson"};
      for (String f : fields) {
        if (h == null || !h.hasNonNull(f)) {
          throw new CheckpointException(source + ": its header has no '" + f + "': damaged");
        }
      }
      return new Header(
          h.get("project").asText(),
          h.get("structureKey").asText(),
          h.get("seed").asLong(),
          h.get("tick").asInt(),
          h.get("revision").asInt(),
          h.path("threads").asInt(1),
          h.path("written").asText(""),
          h.path("metrics").asBoolean(false),
          h.get("projectJson").asText());
    } catch (IOException e) {
      throw new CheckpointException(source + ": its header is not readable JSON: damaged", e);
    }
  }

  /** The model the checkpoint's run followed, compiled from the project it carries. */
  private static Model model(Header h, String source) throws CheckpointException {
    String file = source + "!project.json";
    Model m;
    try {
      ProjectSpec spec = ProjectReader.parse(h.projectJson(), file);
      m = Model.compile(spec, file);
    } catch (ProjectException e) {
      throw new CheckpointException(
          source + ": the project it carries no longer reads: " + e.getMessage(), e);
    }
    if (!m.structureKey().equals(h.structureKey())) {
      throw new CheckpointException(
          source
              + ": the project it carries builds another network in this version of the lab"
              + " (its structure key differs): it cannot be resumed here");
    }
    return m;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
