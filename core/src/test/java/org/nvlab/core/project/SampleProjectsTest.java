package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every project shipped in sample-projects/ reads and compiles without a single problem. */
class SampleProjectsTest {

  static List<Path> samples() {
    return ProjectFixtures.samples();
  }

  @Test
  void theSamplesFolderHoldsTheShippedProjects() {
    List<String> names = samples().stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.contains("hello-vesicles.nvlab"), names.toString());
    assertTrue(names.contains("spiking-dopamine.nvlab"), names.toString());
    assertTrue(names.contains("sparse-agents.nvlab"), names.toString());
    assertTrue(names.contains("dense-modulators.nvlab"), names.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aSampleProjectReadsAndCompiles(Path folder) throws ProjectException {
    ProjectSpec spec = ProjectReader.read(folder);
    CompiledProject p = ProjectCompiler.compile(spec);
    String folderName = folder.getFileName().toString();
    assertEquals(folderName.substring(0, folderName.length() - ".nvlab".length()), spec.name());
    assertEquals(ProjectSpec.FORMAT_VERSION, spec.formatVersion());
    assertFalse(spec.vesicleTypes().isEmpty(), "a sample without vesicles shows nothing");
    assertEquals(spec.vesicleTypes().size(), p.types().length);
    assertTrue(p.host().nodeCount() > 0);
    assertTrue(spec.ticks() > 0);
  }
}
