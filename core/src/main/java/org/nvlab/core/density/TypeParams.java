package org.nvlab.core.density;

import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.release.ActivationRelease;
import org.nvlab.core.release.LearningRuleRelease;
import org.nvlab.core.release.ReleaseOperator;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.VesicleType;

/**
 * The differentiable parameters of one vesicle type in double precision, initialised from the
 * compiled type: kernel theta and per-move biases, emission weights, bias and maximum rate, payload
 * map, docking bias and weights, and the readouts of its ACTIVATION and LEARNING RULE releases.
 */
public final class TypeParams {
  final Block theta;
  final Block edgeBias;
  final Block alpha;
  final Block emitBias;
  final Block lambdaMax;
  final Block payloadW;
  final Block payloadU;
  final Block dockBias;
  final Block eta;

  /** Per ACTIVATION operator: gain readout (d, or n*d per node), bias readout (d), or null. */
  final List<Block> gain = new ArrayList<>();

  final List<Block> biasReadout = new ArrayList<>();
  final List<float[]> activationScale = new ArrayList<>();
  final List<float[]> threshold = new ArrayList<>();

  /** Per LEARNING RULE operator: the readout l (d). */
  final List<Block> learning = new ArrayList<>();

  final List<float[]> learningScale = new ArrayList<>();
  private final List<Block> all = new ArrayList<>();

  TypeParams(VesicleType t, int moves, int signals) {
    String p = t.name() + ".";
    KernelRule k = t.kernel();
    theta = add(new Block(p + "kernel.theta", "kernel", d(k.theta())));
    edgeBias =
        add(
            new Block(
                p + "kernel.edgeBias",
                "kernel",
                k.edgeBias() != null ? d(k.edgeBias()) : new double[moves]));
    EmissionRule e = t.emission();
    alpha = add(new Block(p + "emission.weights", "emission", d(e.alpha())));
    emitBias = add(new Block(p + "emission.bias", "emission", new double[] {e.bias()}));
    lambdaMax = add(new Block(p + "emission.lambdaMax", "emission", new double[] {e.lambdaMax()}));
    int dim = t.payloadDim();
    payloadW =
        add(
            new Block(
                p + "emission.payload.matrix",
                "emission",
                e.payloadMatrix() != null ? d(e.payloadMatrix()) : new double[dim * signals]));
    payloadU =
        add(
            new Block(
                p + "emission.payload.offset",
                "emission",
                e.payloadOffset() != null ? d(e.payloadOffset()) : new double[dim]));
    dockBias = add(new Block(p + "docking.bias", "docking", new double[] {t.docking().bias()}));
    eta = add(new Block(p + "docking.eta", "docking", d(t.docking().eta())));
    int a = 0;
    int l = 0;
    for (ReleaseOperator op : t.releases()) {
      if (op instanceof ActivationRelease ar) {
        gain.add(
            ar.gain() == null
                ? null
                : add(new Block(p + "release.activation" + a + ".gain", "release", d(ar.gain()))));
        biasReadout.add(
            ar.bias() == null
                ? null
                : add(new Block(p + "release.activation" + a + ".bias", "release", d(ar.bias()))));
        activationScale.add(ar.nodeScale());
        threshold.add(ar.threshold());
        a++;
      } else if (op instanceof LearningRuleRelease lr) {
        learning.add(add(new Block(p + "release.learning" + l + ".l", "release", d(lr.l()))));
        learningScale.add(lr.nodeScale());
        l++;
      }
    }
  }

  private Block add(Block b) {
    all.add(b);
    return b;
  }

  /** Every block of this type, in a fixed order. */
  public List<Block> blocks() {
    return all;
  }

  static double[] d(float[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }
}
