package org.nvlab.viz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Views read snapshots: they reach core only through its record and graph packages. The editors
 * also read and edit the project (a document, never a running engine) and preview kernels on their
 * own compiled copy.
 */
class VizArchitectureTest {
  private static final JavaClasses VIZ =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nvlab.viz");

  @Test
  void vizSeesTheEngineOnlyThroughSnapshotsAndTheImmutableGraph() {
    noClasses()
        .that()
        .resideInAPackage("org.nvlab.viz..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.nvlab.core",
            "org.nvlab.core.process..",
            "org.nvlab.core.host..",
            "org.nvlab.core.vesicle..",
            "org.nvlab.core.release..",
            "org.nvlab.app..")
        .because("a view never steps or changes a simulation; it draws what it is handed")
        .check(VIZ);
  }

  @Test
  void onlyTheEditorsReachTheProjectAndThePreviews() {
    noClasses()
        .that()
        .resideInAPackage("org.nvlab.viz..")
        .and()
        .resideOutsideOfPackage("org.nvlab.viz.editor")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.nvlab.core.project..", "org.nvlab.core.preview..")
        .because("views draw snapshots; editing the project is the editors' job")
        .check(VIZ);
  }

  @Test
  void theImportFoundTheEditors() {
    org.junit.jupiter.api.Assertions.assertTrue(
        VIZ.contain("org.nvlab.viz.editor.KernelEditor"), "ArchUnit imported no editor classes");
  }
}
