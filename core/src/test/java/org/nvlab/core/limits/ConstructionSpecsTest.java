package org.nvlab.core.limits;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.WrittenProjects;

/**
 * The limit constructions and the sparse-agents designs, built in code, are exactly the specs the
 * JSON text they were written as before gave (kept in json-before-builder/ for several N, sizes,
 * seeds and payloads), and each is written as a valid project that reads back unchanged.
 */
class ConstructionSpecsTest {

  static Stream<Arguments> constructions() {
    Stream.Builder<Arguments> s = Stream.builder();
    for (int n : new int[] {1, 10, 40, 1000}) {
      s.add(Arguments.of("film-n" + n, FilmLimit.standard().projectSpec(n)));
      s.add(Arguments.of("attention-n" + n, AttentionLimit.standard().projectSpec(n)));
      s.add(Arguments.of("hypernetwork-n" + n, HypernetworkLimit.standard().projectSpec(n)));
      s.add(
          Arguments.of(
              "hypernetwork-noise-0.3-n" + n,
              HypernetworkLimit.standard().withNoise(0.3).projectSpec(n)));
    }
    s.add(Arguments.of("film-small-n100", new FilmLimit(2, 3, 2, 0, 3).projectSpec(100)));
    AgentsDesign d = AgentsDesign.standard();
    s.add(Arguments.of("agents-none-seed1", d.projectSpec(AgentsCondition.NONE, 1, 0)));
    s.add(Arguments.of("agents-sparse-seed1", d.projectSpec(AgentsCondition.SPARSE, 1, 0)));
    s.add(Arguments.of("agents-sparse-seed7", d.projectSpec(AgentsCondition.SPARSE, 7, 0)));
    s.add(
        Arguments.of("agents-dense-seed1-payload1", d.projectSpec(AgentsCondition.DENSE, 1, 1.0)));
    s.add(
        Arguments.of(
            "agents-dense-seed5-payload0.12", d.projectSpec(AgentsCondition.DENSE, 5, 0.12)));
    return s.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constructions")
  void theBuiltSpecIsTheOneItsOldJsonGaveAndWritesAsAValidProject(String name, ProjectSpec built) {
    ProjectSpec before =
        WrittenProjects.readResource(
            ConstructionSpecsTest.class, "json-before-builder/" + name + ".json");
    WrittenProjects.assertSameSpec(before, built, name);
    WrittenProjects.assertRoundTrip(built, name);
  }
}
