package org.nvlab.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole lab (core, viz, app and the plugins, main code only) is one-way: no package reaches
 * back to one that depends on it, and each package uses only what its package-info says it may.
 */
class LabArchitectureTest {
  private static final JavaClasses LAB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nvlab");

  private static final Map<String, PackageRules.Allowed> DECLARED =
      PackageRules.declared(PackageRules.labSourceRoots());

  @Test
  void noPackageOfTheLabDependsOnItselfThroughOthers() {
    PackageRules.noCycles().check(LAB);
  }

  @Test
  void everyPackageUsesOnlyWhatItsPackageInfoSaysItMayImport() {
    PackageRules.usesOnlyWhatItsPackageDeclares(DECLARED).check(LAB);
  }

  @Test
  void everyPackageHasAPackageInfo() {
    assertEquals(List.of(), PackageRules.packagesWithoutInfo(LAB, DECLARED));
  }

  @Test
  void theImportSawEveryModule() {
    for (String c :
        List.of(
            "org.nvlab.core.process.Engine",
            "org.nvlab.viz.editor.KernelEditor",
            "org.nvlab.app.cli.RunCommand",
            "org.nvlab.plugins.runstore.duckdb.DuckDbRunStore")) {
      assertTrue(LAB.contain(c), "the architecture tests did not see " + c);
    }
  }
}
