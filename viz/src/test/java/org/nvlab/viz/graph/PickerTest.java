package org.nvlab.viz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A click on no vesicle picks the node drawn nearest to it, if one is within reach. */
class PickerTest {
  private static final double[] X = {10, 30, 30, Double.NaN};
  private static final double[] Y = {10, 10, 40, 20};

  @Test
  void theNearestNodeWithinReachIsPicked() {
    assertEquals(0, Picker.nearestNode(X, Y, 14, 12, 8));
    assertEquals(1, Picker.nearestNode(X, Y, 26, 12, 8));
    assertEquals(2, Picker.nearestNode(X, Y, 30, 36, 8));
  }

  @Test
  void nothingIsPickedBeyondReachOrWhereANodeIsNotPlacedYet() {
    assertEquals(-1, Picker.nearestNode(X, Y, 20, 25, 8));
    assertEquals(-1, Picker.nearestNode(new double[] {Double.NaN}, new double[] {0}, 0, 0, 100));
  }
}
