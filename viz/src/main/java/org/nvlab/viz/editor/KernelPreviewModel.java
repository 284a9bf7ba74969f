package org.nvlab.viz.editor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.nvlab.core.preview.KernelPreview;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectSpec;

/**
 * The kernel preview as observable values, for the kernel editor and for the graph view to draw:
 * the node whose moves are shown ({@link #selectedNodeProperty()}, which a view may set when a node
 * is clicked), and per-node values: the probability of reaching each node in one hop from it
 * ({@link #transitionsProperty()}), the kernel's stationary distribution ({@link
 * #stationaryProperty()}), and whichever of the two the user chose to see ({@link
 * #shownValuesProperty()}). All are null when the kernel has no node-level matrix (it depends on
 * the vesicle's payload); {@link #messageProperty()} then says so.
 *
 * <p>The maths is the engine's ({@link KernelPreview}); it runs on a background thread on its own
 * compiled copy of the project, and the values are set on the FX thread. A newer request supersedes
 * an older one still running.
 */
public final class KernelPreviewModel {
  /** Which per-node values {@link #shownValuesProperty()} follows. */
  public enum Shown {
    /** One hop from the selected node. */
    TRANSITIONS,
    /** Where a vesicle spends its time in the long run. */
    STATIONARY
  }

  private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", 0);
  private final ObjectProperty<Shown> shown =
      new SimpleObjectProperty<>(this, "shown", Shown.TRANSITIONS);
  private final ReadOnlyObjectWrapper<double[]> transitions =
      new ReadOnlyObjectWrapper<>(this, "transitions");
  private final ReadOnlyObjectWrapper<double[]> stationary =
      new ReadOnlyObjectWrapper<>(this, "stationary");
  private final ReadOnlyObjectWrapper<double[]> shownValues =
      new ReadOnlyObjectWrapper<>(this, "shownValues");
  private final ReadOnlyObjectWrapper<KernelPreview> preview =
      new ReadOnlyObjectWrapper<>(this, "preview");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "nvlab-kernel-preview");
            t.setDaemon(true);
            return t;
          });
  private Supplier<float[]> activations = () -> null;
  private ProjectSpec spec;
  private int type = -1;
  private volatile long generation;

  public KernelPreviewModel() {
    selectedNode.addListener((o, a, b) -> updateRow());
    shown.addListener((o, a, b) -> updateShown());
  }

  /**
   * Where the activations to evaluate node-state kernels at come from (e.g. the latest snapshot).
   */
  public void setActivationSource(Supplier<float[]> source) {
    activations = source == null ? () -> null : source;
  }

  /** Previews type {@code type} of {@code spec} (null or -1: nothing). */
  public void show(ProjectSpec spec, int type) {
    this.spec = spec;
    this.type = type;
    refresh();
  }

  /** Computes again (with the current activations). */
  public void refresh() {
    long g = ++generation;
    ProjectSpec s = spec;
    int k = type;
    if (s == null || k < 0 || k >= s.vesicleTypes().size()) {
      apply(g, null, "");
      return;
    }
    float[] a = activations.get();
    message.set("Computing the preview...");
    worker.execute(
        () -> {
          if (g != generation) {
            return; // superseded while it waited (typing fast)
          }
          KernelPreview p;
          String note;
          try {
            p = KernelPreview.of(s, k, a);
            if (p.nodeLevel()) {
              p.stationary(); // here, off the FX thread
            }
            note = p.note();
          } catch (ProjectException | RuntimeException e) {
            p = null;
            note = "No preview: " + e.getMessage();
          }
          KernelPreview done = p;
          String text = note == null ? "" : note;
          Platform.runLater(() -> apply(g, done, text));
        });
  }

  private void apply(long g, KernelPreview p, String note) {
    if (g != generation) {
      return; // a newer request is on its way
    }
    preview.set(p);
    stationary.set(p == null ? null : p.stationary());
    message.set(note);
    updateRow();
  }

  private void updateRow() {
    KernelPreview p = preview.get();
    int i = selectedNode.get();
    transitions.set(p == null || i < 0 || i >= p.nodeCount() ? null : p.transitionsFrom(i));
    updateShown();
  }

  private void updateShown() {
    shownValues.set(shown.get() == Shown.STATIONARY ? stationary.get() : transitions.get());
  }

  /** The node whose moves are shown; a graph view may set it when a node is clicked. */
  public IntegerProperty selectedNodeProperty() {
    return selectedNode;
  }

  public ObjectProperty<Shown> shownProperty() {
    return shown;
  }

  /** One hop from the selected node: the probability of arriving at each node. */
  public ReadOnlyObjectProperty<double[]> transitionsProperty() {
    return transitions.getReadOnlyProperty();
  }

  /** The stationary distribution of the kernel's chain, one value per node, summing to 1. */
  public ReadOnlyObjectProperty<double[]> stationaryProperty() {
    return stationary.getReadOnlyProperty();
  }

  /** The values chosen with {@link #shownProperty()}: what a graph view should colour nodes by. */
  public ReadOnlyObjectProperty<double[]> shownValuesProperty() {
    return shownValues.getReadOnlyProperty();
  }

  /** The preview itself (moves of any node, iterations), or null. */
  public ReadOnlyObjectProperty<KernelPreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /** Why there are no values, or "" when there are. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Stops the background thread. */
  public void dispose() {
    worker.shutdownNow();
  }
}
