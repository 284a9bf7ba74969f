package org.nvlab.core.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.WrittenProjects;

/**
 * The reference workload, built in code, is exactly the spec its JSON text gave before (kept in
 * json-before-builder/ at its standard size and others, one with a payload row that rounds half
 * up), and writes as a valid project.
 */
class ReferenceWorkloadSpecTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "reference-standard, 10000, 10, 1000000, 8",
    "reference-500-6-20000-8, 500, 6, 20000, 8",
    "reference-2000-8-100000-16, 2000, 8, 100000, 16",
    "reference-100-3-1000-3, 100, 3, 1000, 3"
  })
  void theBuiltSpecIsTheOneItsOldJsonGave(
      String name, int nodes, int degree, int vesicles, int dim) {
    ProjectSpec built = new ReferenceWorkload(nodes, degree, vesicles, dim).spec();
    ProjectSpec before =
        WrittenProjects.readResource(
            ReferenceWorkloadSpecTest.class, "json-before-builder/" + name + ".json");
    WrittenProjects.assertSameSpec(before, built, name);
    WrittenProjects.assertRoundTrip(built, name);
  }
}
