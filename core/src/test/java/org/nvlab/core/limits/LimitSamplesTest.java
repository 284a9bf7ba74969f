package org.nvlab.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.SpecEquality;

/**
 * The shipped samples film-limit, attention-limit and hypernetwork-limit are the constructions at N
 * = 40, so what their READMEs say about the measured limits holds for them.
 */
class LimitSamplesTest {
  static final int SAMPLE_VESICLES = 40;

  private static LimitConstruction construction(String name) {
    return switch (name) {
      case "film" -> FilmLimit.standard();
      case "attention" -> AttentionLimit.standard();
      default -> HypernetworkLimit.standard();
    };
  }

  private static Path samples() {
    String prop = System.getProperty("nvlab.samples");
    if (prop != null) {
      return Path.of(prop);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("sample-projects"))) {
        return d.resolve("sample-projects");
      }
    }
    throw new AssertionError("no sample-projects folder above " + Path.of("").toAbsolutePath());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"film", "attention", "hypernetwork"})
  void theSampleIsTheConstructionAtFortyVesiclesPerTick(String name) throws Exception {
    Path folder = samples().resolve(name + "-limit.nvlab");
    assertTrue(Files.isRegularFile(folder.resolve("README.md")), folder + " has no README.md");
    assertEquals(
        null,
        SpecEquality.difference(
            ProjectReader.read(folder), construction(name).projectSpec(SAMPLE_VESICLES)),
        "regenerate the sample from the construction (or update both)");
  }
}
