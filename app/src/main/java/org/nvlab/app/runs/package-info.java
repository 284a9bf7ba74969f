/**
 * What a run says about itself, the same way from the command line and from the window: {@code
 * Versions} (the lab's, Java's and the libraries' versions, for summaries and the run store) and
 * {@code ProjectRuns} (recording a run in its project's run store, {@code NAME.nvlab/runs/}: the
 * project's name and file hash, seed, ticks, threads, versions, start and end times, the final
 * state hash and every metric row).
 *
 * <p>May import: {@code core} and {@code core.record}.
 */
package org.nvlab.app.runs;
