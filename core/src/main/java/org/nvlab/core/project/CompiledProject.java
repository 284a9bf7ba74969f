package org.nvlab.core.project;

import java.util.List;
import org.nvlab.core.host.Host;
import org.nvlab.core.host.Signal;
import org.nvlab.core.vesicle.VesicleType;

/**
 * A project built and ready to run: the host, the compiled vesicle types, and the signals that
 * drive inputs, targets and globals each tick.
 *
 * @param spec what it was built from
 * @param host the host network in its initial state
 * @param types compiled vesicle types, by index
 * @param inputs node -> signal bindings for host inputs
 * @param targets node -> signal bindings for task targets
 * @param reward the reward signal, or null (then reward is 0, or -loss when rewardFromTask)
 * @param rewardFromTask reward = -(task loss of the previous tick)
 * @param task the task id
 * @param z the conditioning vector's signals
 */
public record CompiledProject(
    ProjectSpec spec,
    Host host,
    VesicleType[] types,
    List<BoundSignal> inputs,
    List<BoundSignal> targets,
    Signal reward,
    boolean rewardFromTask,
    double task,
    List<Signal> z) {

  /** A signal driving a list of nodes; node k of the list is channel k of the signal. */
  public record BoundSignal(int[] nodes, Signal signal) {}
}
