package org.nvlab.app.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules themselves, on a fixture of two packages: {@code fixture.low} may import nothing,
 * {@code fixture.high} may import low. {@code High} uses {@code Low} (allowed); {@code Low} reaches
 * back to {@code High} (the deliberate back-import), which both rules must catch.
 */
class PackageRulesTest {
  private static final String FIXTURE = "org.nvlab.app.architecture.fixture";

  private static Path testSources() {
    Path p = Path.of("src/test/java").toAbsolutePath();
    assertTrue(Files.isDirectory(p.resolve("org/nvlab/app/architecture/fixture")), p.toString());
    return p;
  }

  /** The fixture's two package-infos, read as the real ones are. */
  private static Map<String, PackageRules.Allowed> fixtureRules() {
    Path root = testSources();
    Map<String, PackageRules.Allowed> out = new java.util.TreeMap<>();
    for (String p : List.of("low", "high")) {
      PackageRules.Allowed a =
          PackageRules.parse(
              root, root.resolve("org/nvlab/app/architecture/fixture/" + p + "/package-info.java"));
      out.put(a.pkg(), a);
    }
    return out;
  }

  private static JavaClasses fixture(String... packages) {
    return new ClassFileImporter().importPackages(packages);
  }

  @Test
  void aBackImportMakesACycleThatTheCycleRuleRefuses() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> PackageRules.noCycles().check(fixture(FIXTURE + ".low", FIXTURE + ".high")));
    assertTrue(e.getMessage().contains("Cycle detected"), e.getMessage());
  }

  @Test
  void aBackImportBreaksTheLowPackagesMayImportLine() {
    Map<String, PackageRules.Allowed> declared = fixtureRules();
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                PackageRules.usesOnlyWhatItsPackageDeclares(declared)
                    .check(fixture(FIXTURE + ".low", FIXTURE + ".high")));
    assertTrue(e.getMessage().contains("fixture.low.Low"), e.getMessage());
    assertTrue(e.getMessage().contains("fixture.high.High"), e.getMessage());
    assertTrue(e.getMessage().contains("fixture/low/package-info.java"), e.getMessage());
  }

  @Test
  void theHighPackageUsingTheLowOneAsDeclaredPasses() {
    Map<String, PackageRules.Allowed> declared = fixtureRules();
    assertDoesNotThrow(
        () ->
            PackageRules.usesOnlyWhatItsPackageDeclares(declared)
                .check(
                    new ClassFileImporter()
                        .importClasses(
                            org.nvlab.app.architecture.fixture.high.Uses.class,
                            org.nvlab.app.architecture.fixture.low.Plain.class)));
  }

  @Test
  void aLibraryNamedOnlyInProseIsNotAllowed() {
    Map<String, PackageRules.Allowed> declared = fixtureRules();
    PackageRules.Allowed high = declared.get(FIXTURE + ".high");
    assertTrue(high.allows(FIXTURE + ".low"));
    assertTrue(high.allows("java.util"));
    assertTrue(high.allows("com.fasterxml.jackson.databind.node"), "a library covers its packages");
    assertTrue(!high.allows("javafx.scene"), "JavaFX is named in prose only");
    assertTrue(!high.allows(FIXTURE + ".low.deeper"), "a lab package is allowed exactly");
  }

  @Test
  void aPackageInfoWithoutAMayImportSentenceIsRefusedByName() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                PackageRules.parse(
                    testSources(),
                    testSources()
                        .resolve("org/nvlab/app/architecture/fixture/lonely/package-info.java")));
    assertTrue(e.getMessage().contains("lonely/package-info.java"), e.getMessage());
  }
}
