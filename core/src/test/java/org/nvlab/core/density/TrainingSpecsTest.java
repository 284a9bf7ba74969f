package org.nvlab.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.WrittenProjects;

/**
 * The training tasks' projects, built in code, are exactly the specs their JSON text gave before
 * (kept in json-before-builder/), and so are the trained projects after 20 steps, whose learned
 * blocks are now set in the spec instead of written into a JSON tree; each writes as a valid
 * project.
 */
class TrainingSpecsTest {

  private static ProjectSpec before(String name) {
    return WrittenProjects.readResource(
        TrainingSpecsTest.class, "json-before-builder/" + name + ".json");
  }

  @Test
  void eachTasksProjectIsTheOneItsOldJsonGave() {
    for (TrainingTasks.Task t : TrainingTasks.all()) {
      WrittenProjects.assertSameSpec(before(t.name()), t.project(), t.name());
      WrittenProjects.assertRoundTrip(t.project(), t.name());
    }
  }

  @Test
  void theTrainedProjectsAreTheOnesTheOldJsonTreeGave() {
    for (TrainingTasks.Task t : TrainingTasks.all()) {
      ProjectSpec[] learned = new ProjectSpec[1];
      Map<String, Object> r = TrainingTasks.run(t, 20, 1, learned);
      assertEquals(20, ((double[]) r.get("loss_curve")).length);
      String name = t.name() + "-trained-20-steps";
      WrittenProjects.assertSameSpec(before(name), learned[0], name);
      WrittenProjects.assertRoundTrip(learned[0], name);
    }
  }
}
