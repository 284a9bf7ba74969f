package org.nvlab.core.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nvlab.core.Model;
import org.nvlab.core.density.DensityModel;
import org.nvlab.core.parallel.WorkerPool;
import org.nvlab.core.project.ProjectException;

/**
 * Times the density relaxation's step on the reference workload's graph and compares the bytes it
 * moves with a STREAM triad measured in the same run.
 *
 * <p>Byte model of one step (one type, one lifetime bucket, payload d, static kernel): per move,
 * the pull SpMV streams the move's source index and kernel value (4 + 8 bytes) and gathers the
 * source's count and payload mass (8 + 8d bytes, from vectors of 8n and 8nd bytes that stay in
 * cache for moderate n); per node, the step reads and writes the state and its intermediates: rho
 * and m read, y and ym written then read by the pull, released count and mass written, the next
 * state read and written twice (transport, then births), and the docking and birth arrays: 8 * (17
 * + 9d) bytes. The "streamed" figure counts the per-move streams and the per-node bytes; the
 * gathers are reported apart.
 */
public final class DensityBenchmark {
  private DensityBenchmark() {}

  public static Map<String, Object> run(
      int nodes, int degree, int dim, int ticks, int reps, int threads, int triadMib) {
    ReferenceWorkload w = new ReferenceWorkload(nodes, degree, 1_000_000, dim);
    DensityModel m;
    try {
      m = new DensityModel(Model.compile(w.spec()), threads);
    } catch (ProjectException e) {
      throw new IllegalStateException(e);
    }
    double[] ms = new double[reps];
    double[] triad = new double[reps];
    long moves = 0;
    try (m;
        WorkerPool pool = new WorkerPool(threads)) {
      StreamTriad st = new StreamTriad(triadMib);
      for (int i = 0; i < 5; i++) {
        m.step();
      }
      for (int r = 0; r < reps; r++) {
        triad[r] = st.medianGbps(pool, 5);
        long t0 = System.nanoTime();
        for (int i = 0; i < ticks; i++) {
          m.step();
        }
        ms[r] = (System.nanoTime() - t0) / 1e6 / ticks;
      }
      moves = (long) nodes * (degree + 1);
    }
    double stepMs = EngineBenchmark.median(ms);
    double triadGbps = EngineBenchmark.median(triad);
    double streamed = moves * 12.0 + (double) nodes * 8 * (17 + 9 * dim);
    double gathered = moves * (8.0 + 8.0 * dim);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", nodes);
    out.put("moves", moves);
    out.put("dim", dim);
    out.put("threads", threads);
    out.put("step_ms", round(stepMs));
    out.put("step_ms_reps", Arrays.stream(ms).map(DensityBenchmark::round).toArray());
    out.put("bytes_streamed_per_step", (long) streamed);
    out.put("bytes_gathered_per_step", (long) gathered);
    out.put("bytes_per_move_streamed", 12);
    out.put("bytes_per_move_gathered", 8 + 8 * dim);
    out.put("effective_gbps", round(streamed / (stepMs / 1e3) / 1e9));
    out.put("stream_triad_gbps", round(triadGbps));
    out.put("fraction_of_triad", round(streamed / (stepMs / 1e3) / 1e9 / triadGbps));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
