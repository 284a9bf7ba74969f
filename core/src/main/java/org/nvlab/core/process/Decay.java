package org.nvlab.core.process;

import org.nvlab.core.random.RngStream;
import org.nvlab.core.vesicle.LifetimeLaw;

/**
 * Decay (SPEC section 7): tau <- tau - dt each tick, death at tau <= 0, an optional hazard mu per
 * tick.
 *
 * <p>The countdown is stored as the tick of expiry. A vesicle born at tick b with lifetime tau0 (in
 * ticks) is first updated at tick b + 1 and dies at the first update where tau0 - k <= 0, i.e. at
 * tick b + max(1, ceil(tau0)). For the exponential law that gives survival exp(-1/mean) per tick,
 * the sigma of the density model. The hazard is a separate draw per vesicle and tick.
 */
public final class Decay {
  private Decay() {}

  /** The lifetime tau0 (in ticks) drawn at birth from the newborn's stream. */
  public static double lifetime(LifetimeLaw law, RngStream r) {
    return law.kind() == LifetimeLaw.Kind.EXPONENTIAL ? r.nextExponential(law.mean()) : law.mean();
  }

  /** The tick at whose update a vesicle born at {@code birthTick} expires. */
  public static int expiryTick(LifetimeLaw law, long birthTick, RngStream r) {
    double k = Math.max(1.0, Math.ceil(lifetime(law, r)));
    double e = birthTick + k;
    return e >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) e;
  }

  /** True when a vesicle whose expiry tick is {@code expiry} dies in the update of tick t. */
  public static boolean expired(int expiry, int tick) {
    return expiry <= tick;
  }

  /** The hazard test: {@code draw}'s top 53 bits below mu. */
  public static boolean hazard(long draw, double mu) {
    return (draw >>> 11) * 0x1.0p-53 < mu;
  }
}
