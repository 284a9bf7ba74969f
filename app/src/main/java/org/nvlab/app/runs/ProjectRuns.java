package org.nvlab.app.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.nvlab.core.Simulation;
import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.record.RunMetadata;
import org.nvlab.core.record.RunStatus;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreProvider;
import org.nvlab.core.record.RunStores;

/**
 * Recording a run in its project's run store ({@code NAME.nvlab/runs/}), the same way from the
 * command line ({@code nvlab run}) and from the window (Run > Record run): the project's name and
 * file hash, the seed, ticks, threads, versions, start and end times and the final state hash, with
 * every metric row.
 */
public final class ProjectRuns {
  private ProjectRuns() {}

  /** SHA-256 of a file's bytes, in hex; "unavailable: why" when it cannot be read. */
  public static String sha256(Path file) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unavailable: " + e.getMessage();
    }
  }

  /** The metadata of a run of {@code sim} that ran {@code ticks} ticks. */
  public static RunMetadata metadata(
      Simulation sim,
      String projectSha256,
      int ticks,
      int threads,
      Instant started,
      Instant finished,
      RunStatus status) {
    return RunMetadata.starting(
            sim.model().name(),
            projectSha256,
            sim.seed(),
            ticks,
            threads,
            Versions.lab(),
            System.getProperty("java.version"),
            started)
        .finished(finished, sim.stateHash(), status);
  }

  /** A recorded run (with its id) and where the store is. */
  public record Recorded(RunMetadata run, String location) {}

  /** Records a run in the store of a project folder. */
  public static Recorded record(Path folder, RunMetadata run, MetricsRecorder metrics)
      throws RunStoreException {
    try (RunStore store = RunStores.open(folder, RunStoreProvider.Access.READ_WRITE)) {
      return new Recorded(store.record(run, metrics), String.valueOf(store.location()));
    }
  }
}
