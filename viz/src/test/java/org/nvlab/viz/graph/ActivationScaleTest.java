package org.nvlab.viz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nvlab.viz.Palette;

/** The view's colour scale: a percentile of |activation|, picked by quickselect. */
class ActivationScaleTest {

  @Test
  void selectFindsTheKthSmallestLikeSorting() {
    SplittableRandom r = new SplittableRandom(1);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(300);
      float[] a = new float[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(4) == 0 ? 0.5f : (float) r.nextDouble(); // with many ties
      }
      float[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = r.nextInt(n);
      assertEquals(sorted[k], Percentile.select(a.clone(), n, k), "n=" + n + " k=" + k);
    }
  }

  @Test
  void paletteEndsAreBlueWhiteRedAndClamped() {
    assertEquals(Palette.diverging(-1), Palette.diverging(-7));
    assertEquals(Palette.diverging(1), Palette.diverging(7));
    assertEquals(Palette.diverging(0), Palette.diverging(Double.NaN));
    assertEquals(true, Palette.diverging(-1).getBlue() > Palette.diverging(-1).getRed());
    assertEquals(true, Palette.diverging(1).getRed() > Palette.diverging(1).getBlue());
  }
}
