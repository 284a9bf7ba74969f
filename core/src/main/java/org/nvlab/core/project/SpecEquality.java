package org.nvlab.core.project;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Equality of project specs, part by part. A record's own {@code equals} compares its arrays by
 * identity, so two {@link ProjectSpec}s read from the same file are never equal by it; this
 * compares records component by component, arrays and lists element by element, and numbers bit for
 * bit ({@code -0.0} differs from {@code 0.0}, and NaN equals NaN), which is what the engine would
 * see.
 *
 * <p>It compares the records themselves rather than their written trees on purpose: the writer
 * leaves out what a file does not hold (a release's {@code pointer}, which the reader derives from
 * its place in the file), so comparing through it would hide exactly the differences a test of the
 * writer has to find.
 */
public final class SpecEquality {
  private SpecEquality() {}

  /** True when {@code a} and {@code b} hold the same values throughout. */
  public static boolean equal(Object a, Object b) {
    return difference(a, b) == null;
  }

  /**
   * Where {@code a} and {@code b} first differ, as a path and both values, e.g. {@code
   * vesicleTypes[0].kernel.theta[0]: 50.0 vs 40.0}; null when they are equal.
   */
  public static String difference(Object a, Object b) {
    return difference("", a, b);
  }

  private static String difference(String at, Object a, Object b) {
    if (a == b) {
      return null;
    }
    if (a == null || b == null) {
      return differs(at, show(a), show(b));
    }
    if (a instanceof Double x && b instanceof Double y) {
      return same(x, y) ? null : differs(at, x, y);
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Float.floatToIntBits(x) == Float.floatToIntBits(y) ? null : differs(at, x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return elements(at, x, y);
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return differs(at + ".keys", x.keySet(), y.keySet());
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        String d = difference(at + "." + e.getKey(), e.getValue(), y.get(e.getKey()));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.getClass() != b.getClass()) {
      return differs(at, a.getClass().getSimpleName(), b.getClass().getSimpleName());
    }
    if (a instanceof double[] x) {
      double[] y = (double[]) b;
      if (x.length != y.length) {
        return differs(at + ".length", x.length, y.length);
      }
      for (int i = 0; i < x.length; i++) {
        if (!same(x[i], y[i])) {
          return differs(at + "[" + i + "]", x[i], y[i]);
        }
      }
      return null;
    }
    if (a instanceof int[] x) {
      int[] y = (int[]) b;
      if (x.length != y.length) {
        return differs(at + ".length", x.length, y.length);
      }
      for (int i = 0; i < x.length; i++) {
        if (x[i] != y[i]) {
          return differs(at + "[" + i + "]", x[i], y[i]);
        }
      }
      return null;
    }
    if (a instanceof Object[] x) {
      return elements(at, Arrays.asList(x), Arrays.asList((Object[]) b));
    }
    if (a.getClass().isRecord()) {
      return components(at, a, b, Set.of());
    }
    return Objects.equals(a, b) ? null : differs(at, a, b);
  }

  /**
   * Where two records of one class first differ in a component not named in {@code skip}; null when
   * they agree on all the others (the writer's test that a record holds nothing its file cannot
   * say).
   */
  static String differenceExcept(Record a, Record b, Set<String> skip) {
    return components("", a, b, skip);
  }

  private static String components(String at, Object a, Object b, Set<String> skip) {
    for (RecordComponent c : a.getClass().getRecordComponents()) {
      if (skip.contains(c.getName())) {
        continue;
      }
      String d =
          difference(at.isEmpty() ? c.getName() : at + "." + c.getName(), value(c, a), value(c, b));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String elements(String at, List<?> x, List<?> y) {
    if (x.size() != y.size()) {
      return differs(at + ".size", x.size(), y.size());
    }
    Iterator<?> i = x.iterator();
    Iterator<?> j = y.iterator();
    for (int k = 0; i.hasNext(); k++) {
      String d = difference(at + "[" + k + "]", i.next(), j.next());
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
    }
  }

  private static boolean same(double x, double y) {
    return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
  }

  private static String show(Object v) {
    return v == null ? "null" : "a " + v.getClass().getSimpleName();
  }

  private static String differs(String at, Object a, Object b) {
    return (at.isEmpty() ? "the spec" : at) + ": " + a + " vs " + b;
  }
}
