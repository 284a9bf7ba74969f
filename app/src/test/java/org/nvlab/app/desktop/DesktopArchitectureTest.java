package org.nvlab.app.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Only the SimulationService holds a simulation: the window and the rest of the desktop package see
 * the engine through snapshots and load results, so no FX code can step or change it.
 */
class DesktopArchitectureTest {
  private static final JavaClasses DESKTOP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nvlab.app.desktop");

  @Test
  void onlyTheServiceTouchesTheSimulationAndTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("org.nvlab.app.desktop")
        .and()
        .haveNameNotMatching(".*\\.SimulationService(\\$.*)?") // and its load task
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.nvlab.core",
            "org.nvlab.core.process..",
            "org.nvlab.core.host..",
            "org.nvlab.core.vesicle..")
        .because("the engine runs on the service's thread; the window reads snapshots")
        .check(DESKTOP);
  }
}
