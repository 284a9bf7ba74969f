package org.nvlab.app.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Only the engine's side of the window holds a simulation (the service, its engine thread, the runs
 * it holds, the publisher and the rewind ring): the window and the rest of the desktop package see
 * the engine through snapshots, the timeline and load results, so no FX code can step or change it.
 */
class DesktopArchitectureTest {
  private static final JavaClasses DESKTOP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nvlab.app.desktop");

  @Test
  void onlyTheEngineSideTouchesTheSimulationAndTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("org.nvlab.app.desktop")
        .and()
        .haveNameNotMatching(
            ".*\\.(SimulationService|EngineThread|RunSet|Publisher|CheckpointRing)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.nvlab.core.Simulation")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.nvlab.core.process..",
            "org.nvlab.core.host..",
            "org.nvlab.core.vesicle..",
            "org.nvlab.core.observe..")
        .because(
            "the engine runs on its own thread; the window reads snapshots (a compiled Model and"
                + " what a change means, ModelChange, are immutable values it may hold)")
        .check(DESKTOP);
  }
}
