package org.nvlab.viz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VesicleRasterTest {

  /** Straight "source over" on premultiplied ARGB, channel by channel, for reference. */
  private static int over(int dst, int rgb, int a) {
    int out = 0;
    int[] shifts = {24, 16, 8, 0};
    for (int s : shifts) {
      int src = s == 24 ? a : Math.round(((rgb >>> s) & 0xff) * a / 255f);
      int d = (dst >>> s) & 0xff;
      int v = src + Math.round(d * (255 - a) / 255f);
      out |= Math.min(255, v) << s;
    }
    return out;
  }

  private static int alpha(int p) {
    return p >>> 24;
  }

  @Test
  void anOpaqueDiscCoversItsAreaAndClearLeavesNothing() {
    VesicleRaster r = new VesicleRaster(64, 48);
    r.disc(20.3, 17.8, 6, 0x3366cc, 255);
    int covered = 0;
    int full = 0;
    for (int p : r.pixels()) {
      if (alpha(p) > 0) {
        covered++;
      }
      if (p == 0xff3366cc) {
        full++;
      }
    }
    double area = Math.PI * 36;
    // Fully covered pixels are the inside, partly covered ones the rim: together about the area.
    assertTrue(full > area - 2 * Math.PI * 6 - 4 && full < area, "full " + full);
    assertTrue(covered > area && covered < area + 2 * Math.PI * 6 + 8, "covered " + covered);
    // The centre is opaque in the disc's colour, a pixel far away untouched.
    assertEquals(0xff3366cc, r.pixels()[17 * 64 + 20]);
    assertEquals(0, r.pixels()[47 * 64 + 63]);
    r.clear();
    for (int p : r.pixels()) {
      assertEquals(0, p);
    }
  }

  @Test
  void blendingMatchesSourceOverWithinRounding() {
    SplittableRandom rnd = new SplittableRandom(7);
    VesicleRaster r = new VesicleRaster(200, 200);
    // A translucent ring over opaque discs and over nothing: every pixel is checked against the
    // reference composition of what was under it.
    for (int i = 0; i < 40; i++) {
      r.disc(
          rnd.nextDouble(200),
          rnd.nextDouble(200),
          1 + rnd.nextDouble(8),
          rnd.nextInt(1 << 24),
          255);
    }
    int[] before = r.pixels().clone();
    r.ring(100.4, 99.7, 30, 0xe0a020, 140);
    VesicleRaster alone = new VesicleRaster(200, 200);
    alone.ring(100.4, 99.7, 30, 0xe0a020, 140);
    int checked = 0;
    for (int p = 0; p < before.length; p++) {
      int a = alpha(alone.pixels()[p]);
      if (a == 0) {
        assertEquals(before[p], r.pixels()[p], "untouched pixel " + p);
        continue;
      }
      int expected = over(before[p], 0xe0a020, a);
      int got = r.pixels()[p];
      for (int s = 0; s < 32; s += 8) {
        int diff = Math.abs(((expected >>> s) & 0xff) - ((got >>> s) & 0xff));
        assertTrue(diff <= 1, "pixel " + p + " channel " + s + ": " + diff);
        assertTrue(((got >>> s) & 0xff) <= alpha(got), "premultiplied: channel <= alpha");
      }
      checked++;
    }
    assertTrue(checked > 150, "the ring covered " + checked + " pixels");
  }

  @Test
  void discsAtTheEdgeAreClippedAndOffScreenOrNanOnesAreIgnored() {
    VesicleRaster r = new VesicleRaster(30, 20);
    r.disc(-2, 10, 5, 0xffffff, 255);
    r.disc(29.5, 19.5, 5, 0xffffff, 255);
    r.disc(Double.NaN, 3, 5, 0xffffff, 255);
    r.disc(500, 3, 5, 0xffffff, 255);
    assertEquals(0xffffffff, r.pixels()[10 * 30]);
    assertEquals(0xffffffff, r.pixels()[19 * 30 + 29]);
    assertEquals(0, r.pixels()[10 * 30 + 15]);
  }

  @Test
  void aRimmedDiscIsExactlyADiscOverALargerDiscOfTheRimColour() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int k = 0; k < 200; k++) {
      double r = 0.25 * (1 + rnd.nextInt(40));
      double x = 30 + rnd.nextDouble(40);
      double y = 30 + rnd.nextDouble(40);
      int rgb = rnd.nextInt(1 << 24);
      VesicleRaster one = new VesicleRaster(100, 100);
      VesicleRaster two = new VesicleRaster(100, 100);
      // Over something already drawn, so the outer edge's blending is checked too.
      one.disc(x + 3, y - 2, 6, 0x808080, 255);
      two.disc(x + 3, y - 2, 6, 0x808080, 255);
      one.rimmedDisc(x, y, r, rgb, 0x101418);
      two.disc(x, y, r + VesicleRaster.RIM_WIDTH, 0x101418, 255);
      two.disc(x, y, r, rgb, 255);
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          two.pixels(), one.pixels(), "r=" + r + " at " + x + "," + y);
    }
  }
}
