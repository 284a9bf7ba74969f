package org.nvlab.core.project;

import java.util.Map;
import org.nvlab.core.host.Host;
import org.nvlab.core.release.NodeRelease;
import org.nvlab.core.release.ReleaseContext;
import org.nvlab.core.release.ReleaseOperatorProvider;

/**
 * A plugin release kind, {@code test-gain}, registered for the tests only (META-INF/services under
 * src/test/resources), so that reading and compiling a plugin kind's entry can be checked: it needs
 * a numeric parameter {@code factor} and adds factor * c_0 to the node's gain.
 */
public final class TestPluginRelease implements ReleaseOperatorProvider {
  static final String KIND = "test-gain";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public NodeRelease create(ReleaseContext entry) {
    Map<String, Object> params = entry.params();
    if (!(params.get("factor") instanceof Number n)) {
      throw new IllegalArgumentException("factor must be a number, got " + params.get("factor"));
    }
    return new Gain(n.doubleValue());
  }

  private record Gain(double factor) implements NodeRelease {
    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public String apply(
        Host host, int node, int count, double[] sum, double[] second, double[] scratch) {
      host.pendingGamma()[node] += (float) (factor * sum[0]);
      return null;
    }
  }
}
