package org.nvlab.core.record;

import java.time.Instant;
import java.util.Objects;

/**
 * What the run store keeps about one run besides its metrics.
 *
 * @param id the store's number for the run (1, 2, ...); 0 before the store has assigned one
 * @param project the project's name
 * @param projectSha256 SHA-256 of the project file the run was made from
 * @param seed the run seed
 * @param ticks the ticks asked for
 * @param threads worker threads (results do not depend on them; speed does)
 * @param appVersion the lab's version
 * @param javaVersion the Java runtime's version
 * @param startedAt when the run started (UTC; stores keep microseconds)
 * @param finishedAt when it finished, or null while it runs
 * @param stateSha256 the final state hash, or null until it finished
 * @param status where the run stands
 */
public record RunMetadata(
    long id,
    String project,
    String projectSha256,
    long seed,
    int ticks,
    int threads,
    String appVersion,
    String javaVersion,
    Instant startedAt,
    Instant finishedAt,
    String stateSha256,
    RunStatus status) {

  public RunMetadata {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
    if (id < 0 || ticks < 0 || threads < 0) {
      throw new IllegalArgumentException("id, ticks and threads must be at least 0");
    }
  }

  /** A run about to start: no id, no end, status {@link RunStatus#RUNNING}. */
  public static RunMetadata starting(
      String project,
      String projectSha256,
      long seed,
      int ticks,
      int threads,
      String appVersion,
      String javaVersion,
      Instant startedAt) {
    return new RunMetadata(
        0,
        project,
        projectSha256,
        seed,
        ticks,
        threads,
        appVersion,
        javaVersion,
        startedAt,
        null,
        null,
        RunStatus.RUNNING);
  }

  public RunMetadata withId(long newId) {
    return new RunMetadata(
        newId,
        project,
        projectSha256,
        seed,
        ticks,
        threads,
        appVersion,
        javaVersion,
        startedAt,
        finishedAt,
        stateSha256,
        status);
  }

  /** The same run, ended: when, with which final state hash (may be null), and how. */
  public RunMetadata finished(Instant at, String stateHash, RunStatus how) {
    return new RunMetadata(
        id,
        project,
        projectSha256,
        seed,
        ticks,
        threads,
        appVersion,
        javaVersion,
        startedAt,
        at,
        stateHash,
        how);
  }
}
