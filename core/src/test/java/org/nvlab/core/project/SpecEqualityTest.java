package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Two specs read from one file are equal part by part although their records are not (they hold
 * arrays); a difference is named by its path and both values, numbers compared bit for bit.
 */
class SpecEqualityTest {

  @Test
  void specsReadFromOneFileAreEqualThoughTheirRecordsAreNot() throws Exception {
    ProjectSpec a = ProjectFiles.load(ProjectFixtures.EVERYTHING, "a.json").spec();
    ProjectSpec b = ProjectFiles.load(ProjectFixtures.EVERYTHING, "b.json").spec();
    assertNotEquals(a, b, "records compare their arrays by identity");
    assertNull(SpecEquality.difference(a, b));
  }

  @Test
  void aDifferenceIsNamedByItsPathAndBothValues() throws Exception {
    ProjectSpec a = ProjectFiles.load(ProjectFixtures.EVERYTHING, "a.json").spec();
    String other =
        ProjectFixtures.set(ProjectFixtures.EVERYTHING, "/vesicleTypes/0/kernel/theta/gate", "2");
    ProjectSpec b = ProjectFiles.load(other, "b.json").spec();
    assertEquals("vesicleTypes[0].kernel.theta[5]: 0.0 vs 2.0", SpecEquality.difference(a, b));
    String negativeZero =
        ProjectFixtures.set(ProjectFixtures.EVERYTHING, "/vesicleTypes/0/emission/bias", "-0.0");
    String zero =
        ProjectFixtures.set(ProjectFixtures.EVERYTHING, "/vesicleTypes/0/emission/bias", "0");
    assertEquals(
        "vesicleTypes[0].emission.bias: -0.0 vs 0.0",
        SpecEquality.difference(
            ProjectFiles.load(negativeZero, "n.json").spec(),
            ProjectFiles.load(zero, "z.json").spec()));
  }
}
