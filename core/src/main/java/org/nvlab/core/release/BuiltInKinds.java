package org.nvlab.core.release;

import java.util.List;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * The five built-in kinds of SPEC section 6 as providers, exactly like a plugin's: each reads its
 * entry's fields (named as in docs/file-format.md) through the {@link ReleaseContext} and builds
 * its operator, reporting what does not fit the host or the type at the field's pointer.
 */
final class BuiltInKinds {
  private BuiltInKinds() {}

  static final List<ReleaseOperatorProvider> ALL =
      List.of(
          new Provider(ReleaseKind.ACTIVATION) {
            @Override
            public ReleaseOperator create(ReleaseContext c) {
              return activation(c);
            }
          },
          new Provider(ReleaseKind.PARAMETER) {
            @Override
            public ReleaseOperator create(ReleaseContext c) {
              return parameter(c);
            }
          },
          new Provider(ReleaseKind.LEARNING) {
            @Override
            public ReleaseOperator create(ReleaseContext c) {
              return new LearningRuleRelease(
                  c.payloadDim(), c.numbers("l"), nodeScale(c), c.map("l"));
            }
          },
          new Provider(ReleaseKind.MEMORY) {
            @Override
            public ReleaseOperator create(ReleaseContext c) {
              return memory(c);
            }
          },
          new Provider(ReleaseKind.CASCADE) {
            @Override
            public ReleaseOperator create(ReleaseContext c) {
              return cascade(c);
            }
          });

  private abstract static class Provider implements ReleaseOperatorProvider {
    private final ReleaseKind kind;

    Provider(ReleaseKind kind) {
      this.kind = kind;
    }

    @Override
    public String kind() {
      return kind.id();
    }

    @Override
    public String help() {
      return kind.help();
    }
  }

  /** nodeScale: one number per node, or null (then 1). */
  private static float[] nodeScale(ReleaseContext c) {
    float[] s = c.numbers("nodeScale");
    if (s != null && s.length != c.nodeCount()) {
      c.problem(
          "nodeScale",
          "nodeScale needs one number per node (" + c.nodeCount() + "), got " + s.length);
      return null;
    }
    return s;
  }

  /**
   * An activation readout: the per-node rows (n x d) when given and of the right size, else the
   * shared vector (d), else null.
   */
  private static float[] readout(ReleaseContext c, String shared, String perNode) {
    float[] rows = c.numbers(perNode);
    if (rows == null) {
      return c.numbers(shared);
    }
    int d = c.payloadDim();
    if (rows.length != (long) c.nodeCount() * d) {
      c.problem(
          perNode, "needs one row of " + d + " numbers per node (" + c.nodeCount() + " rows)");
      return null;
    }
    return rows;
  }

  private static ReleaseOperator activation(ReleaseContext c) {
    float[] gain = readout(c, "gain", "gainPerNode");
    float[] bias = readout(c, "bias", "biasPerNode");
    float[] threshold = c.numbers("threshold");
    ReleaseMap thresholdMap = c.map("threshold");
    if ((threshold != null || thresholdMap != null) && !c.spikingHost()) {
      c.problem("threshold", "a threshold readout acts on a lif host only");
    }
    return new ActivationRelease(
        c.payloadDim(),
        gain,
        bias,
        threshold,
        nodeScale(c),
        c.map("gain"),
        c.map("bias"),
        thresholdMap);
  }

  private static ReleaseOperator parameter(ReleaseContext c) {
    int d = c.payloadDim();
    int n = c.nodeCount();
    boolean lowRank = "low-rank".equals(c.text("mode"));
    if (lowRank && !c.fits((long) n * d, "", "the low-rank factors U, V (nodes x payloadDim)")) {
      return null;
    }
    float[] scale = nodeScale(c);
    float[] lowRankScale = null;
    if (lowRank) {
      double s = c.number("scale");
      lowRankScale = new float[n];
      for (int i = 0; i < n; i++) {
        lowRankScale[i] = (float) (s * (scale == null ? 1f : scale[i]));
      }
    }
    return new ParameterRelease(
        d,
        lowRank ? ParameterRelease.Mode.LOW_RANK : ParameterRelease.Mode.MULTIPLICATIVE,
        c.flag("incoming"),
        c.number("eta"),
        c.numbers("h"),
        lowRank ? c.randomMatrix(n, d, c.number("uStd"), 10) : null,
        lowRank ? c.randomMatrix(n, d, c.number("vStd"), 11) : null,
        lowRank ? lowRankScale : scale,
        c.map("h"));
  }

  private static ReleaseOperator memory(ReleaseContext c) {
    int d = c.payloadDim();
    int m = c.memoryDim();
    if (m == 0) {
      c.problem("", "a memory release needs host memoryDim > 0");
      return null;
    }
    float[] q = c.numbers("q");
    if (q == null) {
      if (m != d) {
        c.problem(
            "q", "without q the payload is written as is, which needs memoryDim = payloadDim");
        return null;
      }
      q = new float[m * d];
      for (int k = 0; k < m; k++) {
        q[k * d + k] = 1f;
      }
    } else if (q.length != m * d) {
      c.problem("q", "must have " + m + " rows (memoryDim) of " + d + " numbers");
      return null;
    }
    return new MemoryRelease(d, m, c.number("omega"), q);
  }

  private static ReleaseOperator cascade(ReleaseContext c) {
    int d = c.payloadDim();
    String name = c.text("child");
    int child = name == null ? -1 : c.typeIndex(name);
    if (child < 0) {
      c.problem("child", "no vesicle type is named '" + name + "'");
      return null;
    }
    int dc = c.payloadDimOf(child);
    double count = c.number("count");
    boolean poisson = c.flag("poisson");
    if (c.flag("fromMemory")) {
      if (c.memoryDim() != dc) {
        c.problem(
            "payload",
            "a child carrying the node's memory needs its payloadDim ("
                + dc
                + ") to equal the host's memoryDim ("
                + c.memoryDim()
                + ")");
        return null;
      }
      return new Cascade(child, dc, count, poisson, null, null, false, true);
    }
    float[] transform = c.numbers("transform");
    float[] offset = c.numbers("offset");
    if (transform == null && dc != d) {
      c.problem("transform", "without a transform the child's payloadDim must equal " + d);
      return null;
    }
    if (transform != null && transform.length != dc * d) {
      c.problem(
          "transform", "must have " + dc + " rows (the child's payloadDim) of " + d + " numbers");
      return null;
    }
    if (offset != null && offset.length != dc) {
      c.problem("offset", "must have " + dc + " numbers (the child's payloadDim)");
      return null;
    }
    return new Cascade(child, dc, count, poisson, transform, offset, c.flag("tanh"), false);
  }
}
