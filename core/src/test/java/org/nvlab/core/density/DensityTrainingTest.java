package org.nvlab.core.density;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gradient training through the density model works on both demonstrations, and what it learns
 * transfers to the stochastic engine (checked on seeded engine runs).
 */
class DensityTrainingTest {

  @Test
  void aKernelLearnsToRouteCouriersToTheTargetSet() {
    Map<String, Object> r = TrainingTasks.run(TrainingTasks.routing(), 60, 5, null);
    double[] curve = (double[]) r.get("loss_curve");
    double before = (double) r.get("loss_initial");
    double after = (double) r.get("loss_final");
    assertTrue(after < 0.3 * before, "density loss " + before + " -> " + after);
    assertTrue(curve[curve.length - 1] < curve[0], "the recorded curve falls");
    double engineBefore = (double) r.get("engine_off_target_share_before");
    double engineAfter = (double) r.get("engine_off_target_share_after");
    assertTrue(engineBefore > 0.6, "a blind walk leaves most couriers off target: " + engineBefore);
    assertTrue(engineAfter < 0.3, "the learned kernel routes them on target: " + engineAfter);
  }

  @Test
  void releaseMapsLearnToSetTheHostsOutputs() {
    Map<String, Object> r = TrainingTasks.run(TrainingTasks.release(), 80, 5, null);
    double before = (double) r.get("loss_initial");
    double after = (double) r.get("loss_final");
    assertTrue(after < 0.05 * before, "density loss " + before + " -> " + after);
    double engineBefore = (double) r.get("engine_output_mse_before");
    double engineAfter = (double) r.get("engine_output_mse_after");
    assertTrue(
        engineAfter < 0.25 * engineBefore,
        "engine output error " + engineBefore + " -> " + engineAfter);
  }
}
