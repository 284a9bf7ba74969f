package org.nvlab.core;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.nvlab.core.project.ProjectSpec;

/**
 * The fingerprints {@link ModelChange} compares: SHA-256 over a canonical text of a spec's parts
 * (every record component by name, numbers by their exact bits, lists and arrays in order), so two
 * specs that read the same give the same keys whatever their JSON looked like.
 *
 * @param host the host and its network
 * @param globals the global signals
 * @param rules the vesicle types
 * @param structure the project seed, the host and the globals together
 */
record ModelKeys(String host, String globals, String rules, String structure) {

  static ModelKeys of(ProjectSpec spec) {
    String host = sha(text(spec.host()));
    String globals = sha(text(spec.globals()));
    return new ModelKeys(
        host,
        globals,
        sha(text(spec.vesicleTypes())),
        sha("seed " + spec.seed() + "\nhost " + host + "\nglobals " + globals));
  }

  /** A canonical text of a spec value: records, lists, maps, arrays, strings, numbers, null. */
  static String text(Object value) {
    StringBuilder b = new StringBuilder(256);
    write(b, value);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Record r) {
      b.append(r.getClass().getSimpleName()).append('{');
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        b.append(c.getName()).append('=');
        try {
          write(b, c.getAccessor().invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c.getName() + " of a spec", e);
        }
        b.append(';');
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (Object o : l) {
        write(b, o);
        b.append(',');
      }
      b.append(']');
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(b, e.getKey());
        b.append(':');
        write(b, e.getValue());
        b.append(',');
      }
      b.append('}');
    } else if (v instanceof double[] a) {
      b.append('[');
      for (double x : a) {
        b.append(Long.toHexString(Double.doubleToLongBits(x))).append(',');
      }
      b.append(']');
    } else if (v instanceof double[][] a) {
      b.append('[');
      for (double[] row : a) {
        write(b, row);
      }
      b.append(']');
    } else if (v instanceof int[] a) {
      b.append('[');
      for (int x : a) {
        b.append(x).append(',');
      }
      b.append(']');
    } else if (v instanceof Double d) {
      b.append(Long.toHexString(Double.doubleToLongBits(d)));
    } else if (v instanceof String s) {
      b.append('"').append(s.length()).append(':').append(s).append('"');
    } else if (v instanceof Number || v instanceof Boolean || v instanceof Enum<?>) {
      b.append(v);
    } else {
      throw new IllegalArgumentException("a spec holds no " + v.getClass().getName());
    }
  }

  private static String sha(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
