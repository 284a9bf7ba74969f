package org.nvlab.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine stays pure Java: no UI toolkit, no graph renderer, no cluster engine, no database (the
 * run store's implementation is a plugin), no app code.
 */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nvlab.core");

  @Test
  void coreDependsOnNoUiGraphRendererClusterOrAppCode() {
    noClasses()
        .that()
        .resideInAPackage("org.nvlab.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..",
            "org.graphstream..",
            "org.apache.spark..",
            "org.duckdb..",
            "java.sql..",
            "org.nvlab.viz..",
            "org.nvlab.app..",
            "java.awt..",
            "javax.swing..")
        .because(
            "core is the engine: it runs headless and knows nothing of its viewers or its stores")
        .check(CORE);
  }

  @Test
  void theExpressionLanguageStandsAloneOnTheJdkAndAsm() {
    classes()
        .that()
        .resideInAPackage("org.nvlab.core.expr")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.nvlab.core.expr", "java..", "org.objectweb.asm..")
        .because("expressions are checked and compiled in isolation; the engine binds them")
        .check(CORE);
  }

  @Test
  void onlyTheExpressionCompilerWritesBytecode() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.nvlab.core.expr")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.objectweb.asm..")
        .because("generated code is allowed in one place, where its whitelist is tested")
        .check(CORE);
  }

  @Test
  void theImportFoundTheEngine() {
    org.junit.jupiter.api.Assertions.assertTrue(
        CORE.contain("org.nvlab.core.process.Engine"), "ArchUnit imported no engine classes");
  }
}
