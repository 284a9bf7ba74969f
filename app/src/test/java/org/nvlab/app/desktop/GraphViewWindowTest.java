package org.nvlab.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.nvlab.app.desktop.FxTests.fx;
import static org.nvlab.app.desktop.FxTests.menuItem;
import static org.nvlab.app.desktop.FxTests.waitFor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.snapshot.Snapshot;
import org.nvlab.viz.Palette;
import org.nvlab.viz.graph.GraphSelection;
import org.nvlab.viz.graph.GraphView;
import org.nvlab.viz.graph.ViewTransform;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The graph view in the real window (headless through Monocle, see app/pom.xml): vesicles glide
 * along their edges between snapshots and are drawn where the view says they are; a click on a node
 * selects it and the inspector shows it; the wheel, zoomAt, pan (drag and panBy) and fit move the
 * nodes consistently; the Density toggle colours the nodes by rho, or shows why it cannot; the
 * kernel editor's preview colours the nodes while its tab is shown; and a screenshot of the running
 * window is kept in app/target/screenshots/lab-window.png.
 *
 * <p>Every accessor of the view is read on the FX thread; waits poll a condition.
 */
@ExtendWith(ApplicationExtension.class)
class GraphViewWindowTest {
  /** The colour vesicles of the first type are drawn in (0xRRGGBB). */
  private static final int TYPE0_RGB = rgb(Palette.type(0));

  /** The widest a vesicle is scattered from its path (GraphView clamps its spread to 14 px). */
  private static final double MAX_SPREAD_PX = 14;

  private LabWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Path config = Files.createTempDirectory("nvlab-config");
    window =
        new LabWindow(
            stage,
            new SimulationService(2),
            Samples.hello().getParent(),
            new LabPreferences(config));
    window.show();
  }

  @Stop
  void stop() {
    window.close();
  }

  @AfterEach
  void closeDialogs() throws Exception {
    FxToolkit.cleanupStages();
  }

  // ---- 1. vesicles glide between nodes ----

  @Test
  void aVesicleGlidesAlongItsEdgeAndIsDrawnWhereTheViewPlacesIt(FxRobot robot) throws Exception {
    open(robot, Samples.hello());
    GraphView gv = gv();
    step(robot, 4); // the input layer emits: vesicles to follow
    waitFor(10, () -> fx(() -> gv.snapshot().totalPopulation()) > 0);

    List<Frame> frames = new CopyOnWriteArrayList<>();
    robot.interact(() -> gv.setFrameListener(ns -> record(gv, frames)));
    try {
      Glide glide = null;
      for (int attempt = 0; attempt < 8 && glide == null; attempt++) {
        // A step long after the last snapshot glides for the longest time (GraphView's
        // MAX_GLIDE_NANOS, 500 ms): that is the gap being waited for here, not a condition.
        settle();
        Thread.sleep(700);
        frames.clear();
        int before = fx(() -> gv.snapshot().tick());
        robot.clickOn("#stepButton");
        waitFor(10, () -> fx(() -> gv.snapshot().tick()) == before + 1);
        Snapshot s = fx(gv::snapshot);
        settle(); // the glide is over: the last frame shows every vesicle at its new node
        glide = findGlide(s, frames);
      }
      assertNotNull(glide, "no vesicle moved to another node in 8 steps");
      checkGlide(glide);
    } finally {
      robot.interact(() -> gv.setFrameListener(null));
    }

    // At rest, the overlay image holds each free vesicle's colour at its drawn centre, and is
    // transparent away from the vesicles.
    Snapshot s = fx(gv::drawnSnapshot);
    assertEquals(fx(gv::snapshot), s, "the newest snapshot's vesicles are not on screen");
    int[] seen =
        fx(
            () -> {
              PixelReader r = gv.vesicleOverlay().getImage().getPixelReader();
              int w = (int) gv.vesicleOverlay().getImage().getWidth();
              int h = (int) gv.vesicleOverlay().getImage().getHeight();
              int free = 0;
              int coloured = 0;
              for (int q = 0; q < s.vesicleCount(0); q++) {
                if (s.vesicleNode(0, q) < 0) {
                  continue;
                }
                int x = (int) Math.round(gv.vesicleX(0, q));
                int y = (int) Math.round(gv.vesicleY(0, q));
                if (x < 0 || y < 0 || x >= w || y >= h) {
                  continue;
                }
                free++;
                int argb = r.getArgb(x, y);
                if (near(argb, TYPE0_RGB, 12) && (argb >>> 24) >= 0xe0) {
                  coloured++;
                }
              }
              int opaque = 0;
              for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                  opaque += (r.getArgb(x, y) >>> 24) != 0 ? 1 : 0;
                }
              }
              return new int[] {free, coloured, opaque, w * h};
            });
    assertTrue(seen[0] > 0, "no free vesicle in view at tick " + s.tick());
    // A later vesicle's dark rim may cover the very centre of one drawn before it.
    assertTrue(
        seen[1] >= Math.max(1, (int) Math.ceil(0.7 * seen[0])),
        seen[1] + " of " + seen[0] + " vesicle centres are in the vesicle colour");
    assertTrue(
        seen[2] >= seen[1] && seen[2] < seen[3] / 5, "opaque pixels " + seen[2] + " of " + seen[3]);
  }

  // ---- 2. a click selects a node and the inspector shows it ----

  @Test
  void vesiclesFollowTheNodesWhenTheForceLayoutArrives(FxRobot robot, @TempDir Path dir)
      throws Exception {
    // A random graph has no positions: it is drawn on a circle first, then where the
    // force-directed layout (computed in the background) puts its nodes. The vesicles must move
    // with the nodes, not stay on the circle.
    Path project = dir.resolve("random.nvlab");
    ObjectNode tree = ProjectFiles.load(Samples.hello()).tree().deepCopy();
    ObjectNode graph = ((ObjectNode) tree.path("host")).putObject("graph");
    graph.put("builder", "erdos-renyi").put("nodes", 1000).put("p", 0.004);
    ((ObjectNode) tree.path("host").path("rate")).put("mode", "recurrent");
    ((ObjectNode) tree.path("host").path("inputs").get(0).path("nodes"))
        .removeAll()
        .putArray("range")
        .add(0)
        .add(30);
    ObjectNode emission = (ObjectNode) tree.path("vesicleTypes").get(0).path("emission");
    emission.remove("emitters");
    ProjectFiles.save(project, tree, null);
    open(robot, project);
    step(robot, 5);
    GraphView gv = gv();
    waitFor(
        30,
        () -> {
          settle();
          return fx(
              () -> {
                Snapshot s = gv.drawnSnapshot();
                if (s == null || s.vesicleCount(0) < 5 || s != gv.snapshot()) {
                  return false;
                }
                // At rest, every vesicle is drawn within its scatter of its node, where
                // GraphStream draws that node now (the layout through the camera).
                var layout = gv.graphLayout();
                var t = gv.transform();
                for (int q = 0; q < s.vesicleCount(0); q++) {
                  int loc = s.vesicleNode(0, q);
                  int node = loc >= 0 ? loc : ~loc;
                  double nx = t.px(layout.x(node));
                  double ny = t.py(1.0 - layout.y(node));
                  double d = Math.hypot(gv.vesicleX(0, q) - nx, gv.vesicleY(0, q) - ny);
                  if (d > 16) {
                    return false;
                  }
                }
                return true;
              });
        });
    // And the nodes are where the force-directed layout put them, not on the first circle:
    // their distances from the centre vary.
    double[][] p = nodes(1000);
    double cx = 0;
    double cy = 0;
    for (int i = 0; i < 1000; i++) {
      cx += p[0][i] / 1000;
      cy += p[1][i] / 1000;
    }
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < 1000; i++) {
      double r = Math.hypot(p[0][i] - cx, p[1][i] - cy);
      sum += r;
      sum2 += r * r;
    }
    double mean = sum / 1000;
    double sd = Math.sqrt(Math.max(0, sum2 / 1000 - mean * mean));
    assertTrue(sd / mean > 0.15, "not a circle any more: sd/mean " + sd / mean);
  }

  @Test
  void anInspectedVesiclesPathIsDrawnOnTheGraph(FxRobot robot) throws Exception {
    open(robot, Samples.hello());
    GraphView gv = gv();
    step(robot, 8);
    int[] path = null;
    for (int attempt = 0; attempt < 20 && path == null; attempt++) {
      settle();
      // Pick a free vesicle on screen, as a click on it would.
      GraphSelection pick =
          fx(
              () -> {
                Snapshot s = gv.drawnSnapshot();
                for (int q = 0; q < s.vesicleCount(0); q++) {
                  if (s.vesicleNode(0, q) >= 0) {
                    return GraphSelection.ofVesicle(0, s.vesicleId(0, q), s.vesicleNode(0, q));
                  }
                }
                return null;
              });
      if (pick == null) {
        step(robot, 2);
        continue;
      }
      robot.interact(() -> gv.select(pick));
      for (int k = 0; k < 6; k++) {
        step(robot, 1);
        var d = fx(() -> window.service().vesicleDetail());
        if (d != null && d.id() == pick.vesicleId() && moves(d.path()) >= 1) {
          path = d.path();
          break;
        }
        if (fx(() -> window.service().vesicleGone())) {
          break;
        }
      }
    }
    assertNotNull(path, "no inspected vesicle moved in 20 tries");
    assertTrue(fx(() -> robot.lookup("#inspector").query().isVisible()), "the inspector opened");
    settle();
    int[] p = path;
    WritableImage image = fx(() -> stage.getScene().snapshot(null));
    BufferedImage png = SwingFXUtils.fromFXImage(image, null);
    Path out = Samples.moduleDir().resolve("target/screenshots/vesicle-path.png");
    Files.createDirectories(out.getParent());
    ImageIO.write(png, "png", out.toFile());
    // Along each hop, away from its ends, the screen shows the path's colour.
    int on = 0;
    int looked = 0;
    for (int i = 0; i + 1 < p.length; i++) {
      if (p[i] == p[i + 1]) {
        continue;
      }
      int a = p[i];
      int b = p[i + 1];
      for (double t = 0.3; t <= 0.701; t += 0.1) {
        double lx = fx(() -> gv.nodeX(a)) * (1 - t) + fx(() -> gv.nodeX(b)) * t;
        double ly = fx(() -> gv.nodeY(a)) * (1 - t) + fx(() -> gv.nodeY(b)) * t;
        Point2D sc = fx(() -> gv.graphPanel().localToScene(lx, ly));
        looked++;
        if (nearAny(png, sc, 0xffffff)) {
          on++;
        }
      }
    }
    assertTrue(looked > 0);
    assertTrue(on >= 0.8 * looked, on + " of " + looked + " points along the path show it");
    // Clearing the selection (and the inspected vesicle) removes the line.
    robot.interact(() -> menuItem(robot, "inspectorPanelItem").setSelected(false));
    settle();
    WritableImage after = fx(() -> stage.getScene().snapshot(null));
    BufferedImage png2 = SwingFXUtils.fromFXImage(after, null);
    int still = 0;
    for (int i = 0; i + 1 < p.length; i++) {
      if (p[i] == p[i + 1]) {
        continue;
      }
      int a = p[i];
      int b = p[i + 1];
      double lx = (fx(() -> gv.nodeX(a)) + fx(() -> gv.nodeX(b))) / 2;
      double ly = (fx(() -> gv.nodeY(a)) + fx(() -> gv.nodeY(b))) / 2;
      Point2D sc = fx(() -> gv.graphPanel().localToScene(lx, ly));
      if (png2.getRGB((int) Math.round(sc.getX()), (int) Math.round(sc.getY()))
          == (0xff000000 | 0xffffff)) {
        still++;
      }
    }
    assertEquals(0, still, "the path is gone with the inspector");
  }

  private static int moves(int[] path) {
    int m = 0;
    for (int i = 0; i + 1 < path.length; i++) {
      m += path[i] != path[i + 1] ? 1 : 0;
    }
    return m;
  }

  /** The path colour within a pixel of a point (the line is under 2 px wide). */
  private static boolean nearAny(BufferedImage png, Point2D c, int rgb) {
    int x0 = (int) Math.round(c.getX());
    int y0 = (int) Math.round(c.getY());
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        if (near(png.getRGB(x0 + dx, y0 + dy), rgb, 6)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void clickingANodeSelectsItAndTheInspectorShowsIt(FxRobot robot) throws Exception {
    open(robot, Samples.hello());
    GraphView gv = gv();
    step(robot, 3);
    settle();
    assertFalse(robot.lookup("#inspector").tryQuery().isPresent(), "inspector shown at start");

    int previous = -1;
    for (int round = 0; round < 2; round++) {
      settle(); // showing the inspector narrows the graph: nodes move
      List<Integer> free = clickableNodes();
      assertTrue(free.size() >= 2, "clickable nodes " + free);
      int node = round == 0 ? free.get(0) : free.get(free.size() - 1);
      assertTrue(node != previous, "the same node twice: " + node);
      previous = node;
      robot.clickOn(screen(node), MouseButton.PRIMARY);
      waitFor(5, () -> GraphSelection.ofNode(node).equals(fx(gv::getSelection)));
      waitFor(5, () -> robot.lookup("#inspector").tryQuery().isPresent());
      TextField field = robot.lookup("#inspectNodeField").queryAs(TextField.class);
      assertEquals(Integer.toString(node), fx(field::getText));
      // The engine thread sends the node's state; its first row names the node.
      waitFor(
          10,
          () ->
              robot
                  .from(robot.lookup("#inspector").queryAs(Node.class))
                  .lookup(
                      (Node l) ->
                          l instanceof Label label
                              && label.getText() != null
                              && label.getText().startsWith(node + "   (in "))
                  .tryQuery()
                  .isPresent());
    }

    // A click on the background, far from every node and vesicle, selects nothing.
    settle();
    Point2D empty = emptySpot();
    robot.clickOn(empty, MouseButton.PRIMARY);
    waitFor(5, () -> fx(gv::getSelection).isEmpty());
  }

  // ---- 3. zoom, pan and fit ----

  @Test
  void zoomPanAndFitMoveTheNodesConsistently(FxRobot robot) throws Exception {
    open(robot, Samples.hello());
    GraphView gv = gv();
    settle();
    int n = fx(() -> gv.snapshot().nodeCount());
    double[][] fit = nodes(n);
    double z0 = fx(gv::zoom);
    assertEquals(1, z0, 1e-6, "a fitted view is zoom 1");
    int far = farthestFrom(fit, 0);
    double d0 = dist(fit, 0, far);
    assertTrue(d0 > 100, "nodes 0 and " + far + " are " + d0 + " px apart");

    // The wheel zooms about the pointer: the graph point under it stays put. Wheel events carry
    // pixels (deltaY, positive: wheel turned away, zoom in); Monocle's are one pixel a notch.
    Point2D pointer =
        fx(
            () ->
                gv.graphPanel()
                    .localToScreen(
                        gv.graphPanel().getWidth() / 2 + 17, gv.graphPanel().getHeight() / 2 - 11));
    List<javafx.scene.input.ScrollEvent> wheel = new CopyOnWriteArrayList<>();
    javafx.event.EventHandler<javafx.scene.input.ScrollEvent> spy = wheel::add;
    robot.interact(() -> gv.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, spy));
    robot.moveTo(pointer);
    robot.scroll(30, VerticalDirection.DOWN);
    waitFor(5, () -> wheel.size() == 30);
    robot.interact(() -> gv.removeEventFilter(javafx.scene.input.ScrollEvent.SCROLL, spy));
    settle();
    double deltaY = wheel.stream().mapToDouble(javafx.scene.input.ScrollEvent::getDeltaY).sum();
    assertTrue(deltaY != 0, "the wheel events carried no delta");
    Point2D centre =
        fx(() -> gv.graphPanel().sceneToLocal(wheel.get(0).getSceneX(), wheel.get(0).getSceneY()));
    double z1 = fx(gv::zoom);
    assertTrue(
        deltaY > 0 ? z1 > z0 * 1.05 : z1 < z0 / 1.05,
        "wheel delta " + deltaY + " took the zoom from " + z0 + " to " + z1);
    assertScaledAbout(fit, nodes(n), centre, z1 / z0, "after the wheel");
    assertEquals(z1 / z0, dist(nodes(n), 0, far) / d0, 0.01 * z1 / z0, "distance after the wheel");

    // Fit restores the whole network exactly.
    robot.clickOn("#fitButton");
    waitFor(5, () -> Math.abs(fx(gv::zoom) - 1) < 1e-6);
    settle();
    assertSame(fit, nodes(n), 0.5, "after Fit");

    // zoomAt doubles the scale about the given pixel.
    robot.interact(() -> gv.zoomAt(centre.getX(), centre.getY(), 2));
    waitFor(5, () -> Math.abs(fx(gv::zoom) - 2) < 1e-6);
    settle();
    double[][] zoomed = nodes(n);
    assertEquals(2 * d0, dist(zoomed, 0, far), 0.01 * d0, "distance after zoomAt 2");
    assertScaledAbout(fit, zoomed, centre, 2, "after zoomAt");

    // panBy moves every node by exactly the offset, zoom unchanged.
    robot.interact(() -> gv.panBy(40, -25));
    settle();
    assertEquals(2, fx(gv::zoom), 1e-6);
    assertShifted(zoomed, nodes(n), 40, -25, 0.5, "after panBy");

    // A drag pans by the distance dragged and selects nothing.
    double[][] before = nodes(n);
    Point2D from = emptySpot();
    robot.drag(from, MouseButton.PRIMARY).moveBy(60, 30).drop();
    settle();
    assertShifted(before, nodes(n), 60, 30, 2, "after a drag");
    assertTrue(fx(gv::getSelection).isEmpty(), "a drag selected " + fx(gv::getSelection));

    // A double-click on the background fits again.
    robot.doubleClickOn(emptySpot(), MouseButton.PRIMARY);
    waitFor(5, () -> Math.abs(fx(gv::zoom) - 1) < 1e-6);
    settle();
    assertSame(fit, nodes(n), 0.5, "after a double-click");
  }

  // ---- 4. the density toggle ----

  @Test
  void theDensityToggleColoursTheNodesByRho(FxRobot robot) throws Exception {
    open(robot, Samples.hello());
    GraphView gv = gv();
    step(robot, 3);
    settle();
    // Without the editors the graph is wide enough for the legend's colour scale.
    robot.clickOn("#editorsToggle");
    waitFor(5, () -> !fx(() -> window.editing().showItem().isSelected()));
    settle();
    assertFalse(fx(gv::showsDensity));
    waitFor(5, () -> bluePixels(legend(gv)) > 5); // the activation scale, blue to red
    assertEquals(0, heatPixels(legend(gv)), "heat colours in the activation legend");

    robot.clickOn("#densityToggle");
    assertEquals("modulator", fx(() -> gv.densityTypeProperty().get()));
    waitFor(10, () -> fx(gv::showsDensity));
    waitFor(5, () -> fx(gv::bannerText) == null); // "Computing the density..." is gone
    Snapshot s = fx(gv::snapshot);
    assertEquals("modulator", s.typeNames().get(s.densityType()));
    assertNull(s.densityProblem());
    // The legend's scale is the heat scale of rho (it once kept the activation scale when the
    // density arrived within a colour period of the toggle; GraphView redraws it with the colours).
    waitFor(5, () -> heatPixels(legend(gv)) > 5 && bluePixels(legend(gv)) == 0);

    // The nodes' colour levels follow rho: more rho is never a colder colour, and some node is hot.
    waitFor(5, () -> levelsFollow(gv, s));
    double maxRho = 0;
    for (int i = 0; i < s.nodeCount(); i++) {
      maxRho = Math.max(maxRho, s.density(i));
    }
    assertTrue(maxRho > 0, "rho is zero everywhere at tick " + s.tick());

    // Off again: activations, no banner, the diverging legend.
    robot.clickOn("#densityToggle");
    assertNull(fx(() -> gv.densityTypeProperty().get()));
    waitFor(5, () -> !fx(gv::showsDensity));
    waitFor(5, () -> heatPixels(legend(gv)) == 0 && bluePixels(legend(gv)) > 5);
    assertNull(fx(gv::bannerText));
  }

  @Test
  void aProjectTheDensityModelRefusesNamesTheReason(FxRobot robot) throws Exception {
    Path attention = Samples.hello().getParent().resolve("attention-limit.nvlab");
    open(robot, attention);
    GraphView gv = gv();
    robot.clickOn("#densityToggle");
    waitFor(10, () -> fx(gv::bannerText) != null && fx(gv::bannerText).contains("cannot be shown"));
    String banner = fx(gv::bannerText);
    assertTrue(banner.startsWith("The density of 'query' cannot be shown: "), banner);
    assertTrue(banner.contains("content-dependent kernels"), banner);
    assertTrue(
        fx(() -> robot.lookup("#graphBanner").queryAs(Label.class).isVisible()),
        "the banner is not shown");
    assertNotNull(fx(() -> gv.snapshot().densityProblem()));
    assertFalse(fx(gv::showsDensity), "nodes coloured by a density that was refused");

    robot.clickOn("#densityToggle");
    waitFor(5, () -> fx(gv::bannerText) == null);
  }

  // ---- 5. the kernel preview over the nodes ----

  @Test
  void theKernelTabColoursTheNodesByItsPreviewAndOtherTabsClearIt(FxRobot robot) throws Exception {
    open(robot, Samples.hello());
    GraphView gv = gv();
    step(robot, 2);
    settle();
    // The editors are shown from the start, on the Type tab: no overlay.
    assertTrue(fx(() -> window.editing().showItem().isSelected()), "editors hidden at start");
    assertEquals("typeTab", fx(this::selectedTab));
    assertNull(fx(gv::nodeOverlayLabel));

    robot.clickOn("#kernelTab");
    waitFor(5, () -> "kernelTab".equals(fx(this::selectedTab)));
    waitFor(10, () -> fx(gv::nodeOverlayLabel) != null);
    int from = fx(() -> window.editors().kernelPreview().selectedNodeProperty().get());
    assertEquals("kernel's P(one hop from node " + from + ")", fx(gv::nodeOverlayLabel));
    assertEquals(
        "Node colours: the kernel's P(one hop from node " + from + "), the Kernel tab's preview",
        fx(gv::bannerText),
        "the banner says what the colours are");
    waitFor(5, () -> levelsShowPreview(gv));

    // A click on a node makes it the preview's start node.
    settle();
    List<Integer> free = clickableNodes();
    int node = free.stream().filter(i -> i != from).findFirst().orElseThrow();
    robot.clickOn(screen(node), MouseButton.PRIMARY);
    waitFor(
        5, () -> ("kernel's P(one hop from node " + node + ")").equals(fx(gv::nodeOverlayLabel)));
    waitFor(5, () -> levelsShowPreview(gv));

    // Another tab clears the overlay, and the nodes show activations again.
    robot.clickOn("#typeTab");
    waitFor(5, () -> fx(gv::nodeOverlayLabel) == null);
    waitFor(5, () -> levelsFollowActivation(gv) && !levelsShowPreview(gv));

    // Back to the kernel; hiding the editors (the toolbar's toggle) clears it too, and showing
    // them again on the Kernel tab brings it back.
    robot.clickOn("#kernelTab");
    waitFor(
        5, () -> ("kernel's P(one hop from node " + node + ")").equals(fx(gv::nodeOverlayLabel)));
    robot.clickOn("#editorsToggle");
    waitFor(5, () -> !fx(() -> window.editing().showItem().isSelected()));
    waitFor(5, () -> fx(gv::nodeOverlayLabel) == null);
    waitFor(5, () -> levelsFollowActivation(gv) && !levelsShowPreview(gv));
    robot.clickOn("#editorsToggle");
    waitFor(5, () -> fx(() -> window.editing().showItem().isSelected()));
    waitFor(
        5, () -> ("kernel's P(one hop from node " + node + ")").equals(fx(gv::nodeOverlayLabel)));
    waitFor(5, () -> levelsShowPreview(gv));
  }

  // ---- 6. a screenshot ----

  @Test
  void aScreenshotOfThePlayedSampleShowsVesiclesInTheGraph(FxRobot robot) throws Exception {
    open(robot, Samples.hello());
    GraphView gv = gv();
    long start = System.nanoTime();
    robot.clickOn("#playButton");
    waitFor(
        15,
        () -> fx(() -> gv.snapshot().tick()) >= 20 && System.nanoTime() - start >= 2_000_000_000L);
    robot.clickOn("#playButton");
    waitFor(5, () -> !window.service().isPlaying());
    settle();

    WritableImage image = fx(() -> stage.getScene().snapshot(null));
    BufferedImage png = SwingFXUtils.fromFXImage(image, null);
    Path out = Samples.moduleDir().resolve("target/screenshots/lab-window.png");
    Files.createDirectories(out.getParent());
    ImageIO.write(png, "png", out.toFile());
    System.out.println("GraphViewWindowTest screenshot: " + out);
    assertTrue(Files.size(out) > 10_000, "tiny PNG: " + Files.size(out) + " bytes");

    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        colours.add(png.getRGB(x, y) & 0xffffff);
      }
    }
    assertTrue(colours.size() > 50, "only " + colours.size() + " colours");

    // In the graph area: vesicle-coloured pixels, and at each free vesicle's drawn centre.
    Bounds area = fx(() -> gv.graphPanel().localToScene(gv.graphPanel().getLayoutBounds()));
    int amber = 0;
    for (int y = (int) Math.ceil(area.getMinY()); y < (int) area.getMaxY(); y++) {
      for (int x = (int) Math.ceil(area.getMinX()); x < (int) area.getMaxX(); x++) {
        amber += near(png.getRGB(x, y), TYPE0_RGB, 12) ? 1 : 0;
      }
    }
    Snapshot s = fx(gv::drawnSnapshot);
    List<Point2D> centres =
        fx(
            () -> {
              List<Point2D> c = new ArrayList<>();
              for (int q = 0; q < s.vesicleCount(0); q++) {
                if (s.vesicleNode(0, q) >= 0) {
                  c.add(gv.graphPanel().localToScene(gv.vesicleX(0, q), gv.vesicleY(0, q)));
                }
              }
              return c;
            });
    int hit = 0;
    for (Point2D c : centres) {
      int x = (int) Math.round(c.getX());
      int y = (int) Math.round(c.getY());
      if (area.contains(x, y) && near(png.getRGB(x, y), TYPE0_RGB, 12)) {
        hit++;
      }
    }
    assertTrue(!centres.isEmpty(), "no free vesicle after playing to tick " + s.tick());
    assertTrue(amber >= centres.size(), amber + " amber pixels for " + centres.size());
    assertTrue(
        hit >= Math.ceil(0.7 * centres.size()),
        hit + " of " + centres.size() + " vesicle centres are amber in the screenshot");
  }

  // ---- the glide ----

  /** What the view drew in one frame: its snapshot, the camera, nodes and type-0 vesicles. */
  private record Frame(
      Snapshot snapshot,
      ViewTransform transform,
      double[] nodeX,
      double[] nodeY,
      double[] vx,
      double[] vy) {}

  /** One vesicle's frames while it moved from node {@code from} to node {@code to}. */
  private record Glide(Snapshot snapshot, int q, int from, int to, List<Frame> frames) {}

  private static void record(GraphView gv, List<Frame> frames) {
    Snapshot s = gv.drawnSnapshot(); // the vesicle positions are of the frame on screen
    if (s == null || s.typeCount() == 0) {
      return;
    }
    int n = s.nodeCount();
    double[] nx = new double[n];
    double[] ny = new double[n];
    for (int i = 0; i < n; i++) {
      nx[i] = gv.nodeX(i);
      ny[i] = gv.nodeY(i);
    }
    int m = s.vesicleCount(0);
    double[] vx = new double[m];
    double[] vy = new double[m];
    for (int q = 0; q < m; q++) {
      vx[q] = gv.vesicleX(0, q);
      vy[q] = gv.vesicleY(0, q);
    }
    frames.add(new Frame(s, gv.transform(), nx, ny, vx, vy));
  }

  /** A free vesicle of the snapshot that moved between two nodes far enough apart, or null. */
  private static Glide findGlide(Snapshot s, List<Frame> all) {
    List<Frame> frames = all.stream().filter(f -> f.snapshot() == s).toList();
    if (frames.size() < 3) {
      return null;
    }
    Frame last = frames.get(frames.size() - 1);
    for (int q = 0; q < s.vesicleCount(0); q++) {
      int to = s.vesicleNode(0, q);
      int from = s.vesicleFrom(0, q);
      if (to >= 0
          && from != to
          && Math.hypot(
                  last.nodeX()[to] - last.nodeX()[from], last.nodeY()[to] - last.nodeY()[from])
              > 40) {
        return new Glide(s, q, from, to, frames);
      }
    }
    return null;
  }

  /**
   * The vesicle starts at its old node and ends at its new one (each plus the same small offset
   * from its id), and every frame between puts it on the segment joining them, ever further along.
   */
  private static void checkGlide(Glide g) {
    List<Frame> frames = g.frames();
    Frame first = frames.get(0);
    Frame last = frames.get(frames.size() - 1);
    int q = g.q();
    for (Frame f : frames) {
      assertEquals(first.transform(), f.transform(), "the camera moved during the glide");
    }
    double ax = last.nodeX()[g.from()];
    double ay = last.nodeY()[g.from()];
    double bx = last.nodeX()[g.to()];
    double by = last.nodeY()[g.to()];
    double len = Math.hypot(bx - ax, by - ay);
    String what = "vesicle " + g.snapshot().vesicleId(0, q) + " " + g.from() + "->" + g.to();

    // The offset from the path: where it rests at its new node.
    double ox = last.vx()[q] - bx;
    double oy = last.vy()[q] - by;
    assertTrue(Math.hypot(ox, oy) <= MAX_SPREAD_PX + 0.5, what + " rests off its node");
    // The first frame on screen draws it at its old node, or just after it (the frame is drawn
    // on the view's drawing thread; when that is busy, the next pulse's frame goes instead).
    double t0 =
        ((first.vx()[q] - ox - ax) * (bx - ax) + (first.vy()[q] - oy - ay) * (by - ay))
            / (len * len);
    assertTrue(t0 < 0.25, what + " started " + t0 + " of the way along");

    int mid = 0;
    double lastT = -1e-9;
    for (Frame f : frames) {
      double px = f.vx()[q] - ox;
      double py = f.vy()[q] - oy;
      double t = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / (len * len);
      double off = Math.abs((px - ax) * (by - ay) - (py - ay) * (bx - ax)) / len;
      assertTrue(off < 0.75, what + " is " + off + " px off its edge at t=" + t);
      assertTrue(t > -1e-3 && t < 1 + 1e-3, what + " beyond its edge: t=" + t);
      assertTrue(t >= lastT - 1e-3, what + " went back: t=" + t + " after " + lastT);
      lastT = t;
      // Unshifted, it is within the scatter of the drawn segment too.
      double raw = distanceToSegment(f.vx()[q], f.vy()[q], ax, ay, bx, by);
      assertTrue(raw <= MAX_SPREAD_PX + 1, what + " drawn " + raw + " px from its edge");
      if (t > 0.1 && t < 0.9) {
        mid++;
      }
    }
    assertTrue(mid > 0, what + ": no frame caught it mid-glide in " + frames.size() + " frames");
    assertEquals(1, lastT, 1e-3, what + " did not arrive");
  }

  private static double distanceToSegment(
      double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }

  // ---- colours ----

  /** Each node's colour level follows the snapshot's rho: more rho, never a colder level. */
  private static boolean levelsFollow(GraphView gv, Snapshot s) throws Exception {
    return fx(
        () -> {
          int n = s.nodeCount();
          int hot = 0;
          for (int i = 0; i < n; i++) {
            hot = Math.max(hot, gv.nodeLevel(i));
            for (int j = 0; j < n; j++) {
              if (s.density(i) > s.density(j) && gv.nodeLevel(i) < gv.nodeLevel(j)) {
                return false;
              }
            }
          }
          return hot > 0;
        });
  }

  /** Each node's colour level follows its activation, and not all nodes look the same. */
  private static boolean levelsFollowActivation(GraphView gv) throws Exception {
    return fx(
        () -> {
          Snapshot s = gv.snapshot();
          int n = s.nodeCount();
          Set<Integer> distinct = new HashSet<>();
          for (int i = 0; i < n; i++) {
            distinct.add(gv.nodeLevel(i));
            for (int j = 0; j < n; j++) {
              if (s.activation(i) > s.activation(j) && gv.nodeLevel(i) < gv.nodeLevel(j)) {
                return false;
              }
            }
          }
          return distinct.size() > 2;
        });
  }

  /** The nodes' levels are the kernel preview's values on the 0..63 scale up to their largest. */
  private boolean levelsShowPreview(GraphView gv) throws Exception {
    return fx(
        () -> {
          double[] v = window.editors().kernelPreview().shownValuesProperty().get();
          if (v == null) {
            return false;
          }
          int n = gv.snapshot().nodeCount();
          double max = 1e-12;
          for (int i = 0; i < Math.min(n, v.length); i++) {
            max = Math.max(max, v[i]);
          }
          int hot = 0;
          int cold = 0;
          for (int i = 0; i < n; i++) {
            double x = i < v.length && Double.isFinite(v[i]) ? v[i] / max : 0;
            int want = (int) Math.round(63 * Math.max(0, Math.min(1, x)));
            if (gv.nodeLevel(i) != want) {
              return false;
            }
            hot += want == 63 ? 1 : 0;
            cold += want == 0 ? 1 : 0;
          }
          return hot > 0 && cold > 0; // one hop reaches some nodes, not all
        });
  }

  private String selectedTab() {
    var t = window.editors().tabs().getSelectionModel().getSelectedItem();
    return t == null ? null : t.getId();
  }

  private static WritableImage legend(GraphView gv) throws Exception {
    return fx(
        () -> {
          Canvas legend =
              (Canvas)
                  gv.getChildrenUnmodifiable().stream()
                      .filter(c -> c instanceof Canvas)
                      .findFirst()
                      .orElseThrow();
          return legend.snapshot(null, null);
        });
  }

  /**
   * Pixels of the heat scale's magenta-purple middle (the density legend's bar): red and blue both
   * well above green. The activation scale (blue-white-red) and the type colours have none.
   */
  private static int heatPixels(WritableImage image) {
    return countPixels(image, (red, green, blue) -> red > green + 50 && blue > green + 50);
  }

  /** Pixels of the activation scale's blue end: blue well above red and green. */
  private static int bluePixels(WritableImage image) {
    return countPixels(image, (red, green, blue) -> blue > red + 80 && blue > green + 40);
  }

  private interface RgbTest {
    boolean test(int red, int green, int blue);
  }

  private static int countPixels(WritableImage image, RgbTest wanted) {
    PixelReader r = image.getPixelReader();
    int count = 0;
    for (int y = 0; y < (int) image.getHeight(); y++) {
      for (int x = 0; x < (int) image.getWidth(); x++) {
        int argb = r.getArgb(x, y);
        if (wanted.test((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff)) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean near(int argb, int rgb, int tolerance) {
    return Math.abs(((argb >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tolerance
        && Math.abs(((argb >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tolerance
        && Math.abs((argb & 0xff) - (rgb & 0xff)) <= tolerance;
  }

  private static int rgb(Color c) {
    return ((int) Math.round(c.getRed() * 255) << 16)
        | ((int) Math.round(c.getGreen() * 255) << 8)
        | (int) Math.round(c.getBlue() * 255);
  }

  // ---- geometry ----

  /** Every node's pixel position in the graph area, {x[], y[]}. */
  private double[][] nodes(int n) throws Exception {
    GraphView gv = gv();
    return fx(
        () -> {
          double[][] p = new double[2][n];
          for (int i = 0; i < n; i++) {
            p[0][i] = gv.nodeX(i);
            p[1][i] = gv.nodeY(i);
          }
          return p;
        });
  }

  private static double dist(double[][] p, int i, int j) {
    return Math.hypot(p[0][i] - p[0][j], p[1][i] - p[1][j]);
  }

  private static int farthestFrom(double[][] p, int i) {
    int best = i;
    for (int j = 0; j < p[0].length; j++) {
      if (dist(p, i, j) > dist(p, i, best)) {
        best = j;
      }
    }
    return best;
  }

  /** Every node moved as a zoom by {@code factor} about pixel c would move it. */
  private static void assertScaledAbout(
      double[][] before, double[][] after, Point2D c, double factor, String when) {
    for (int i = 0; i < before[0].length; i++) {
      double wantX = c.getX() + factor * (before[0][i] - c.getX());
      double wantY = c.getY() + factor * (before[1][i] - c.getY());
      assertEquals(wantX, after[0][i], 1.0, "node " + i + " x " + when);
      assertEquals(wantY, after[1][i], 1.0, "node " + i + " y " + when);
    }
  }

  private static void assertShifted(
      double[][] before, double[][] after, double dx, double dy, double tol, String when) {
    for (int i = 0; i < before[0].length; i++) {
      assertEquals(before[0][i] + dx, after[0][i], tol, "node " + i + " x " + when);
      assertEquals(before[1][i] + dy, after[1][i], tol, "node " + i + " y " + when);
    }
  }

  private static void assertSame(double[][] want, double[][] got, double tol, String when) {
    assertShifted(want, got, 0, 0, tol, when);
  }

  /** Screen coordinates of node i's centre. */
  private Point2D screen(int i) throws Exception {
    GraphView gv = gv();
    return fx(() -> gv.graphPanel().localToScreen(gv.nodeX(i), gv.nodeY(i)));
  }

  /**
   * Nodes a click can hit unambiguously: well inside the graph area, with no other node and no
   * vesicle (a click picks a vesicle first) near them.
   */
  private List<Integer> clickableNodes() throws Exception {
    GraphView gv = gv();
    return fx(
        () -> {
          Snapshot s = gv.snapshot();
          Snapshot d = gv.drawnSnapshot();
          double w = gv.graphPanel().getWidth();
          double h = gv.graphPanel().getHeight();
          List<Integer> out = new ArrayList<>();
          for (int i = 0; i < s.nodeCount(); i++) {
            double x = gv.nodeX(i);
            double y = gv.nodeY(i);
            boolean ok = x > 20 && y > 20 && x < w - 20 && y < h - 20;
            for (int j = 0; j < s.nodeCount() && ok; j++) {
              ok = j == i || Math.hypot(gv.nodeX(j) - x, gv.nodeY(j) - y) > 30;
            }
            for (int k = 0; d != null && k < d.typeCount() && ok; k++) {
              for (int q = 0; q < d.vesicleCount(k) && ok; q++) {
                ok = !(Math.hypot(gv.vesicleX(k, q) - x, gv.vesicleY(k, q) - y) < 20);
              }
            }
            if (ok) {
              out.add(i);
            }
          }
          return out;
        });
  }

  /** A point of the graph area (screen coordinates) at least 40 px from every node and vesicle. */
  private Point2D emptySpot() throws Exception {
    GraphView gv = gv();
    Point2D local =
        fx(
            () -> {
              Snapshot s = gv.snapshot();
              Snapshot d = gv.drawnSnapshot();
              double w = gv.graphPanel().getWidth();
              double h = gv.graphPanel().getHeight();
              for (double y = 30; y < h - 30; y += 10) {
                for (double x = 30; x < w - 30; x += 10) {
                  boolean ok = true;
                  for (int i = 0; i < s.nodeCount() && ok; i++) {
                    ok = Math.hypot(gv.nodeX(i) - x, gv.nodeY(i) - y) > 40;
                  }
                  for (int k = 0; d != null && k < d.typeCount() && ok; k++) {
                    for (int q = 0; q < d.vesicleCount(k) && ok; q++) {
                      ok = !(Math.hypot(gv.vesicleX(k, q) - x, gv.vesicleY(k, q) - y) < 40);
                    }
                  }
                  // Keep clear of the tool bar and the banner drawn over the top of the graph.
                  if (ok && y > 60) {
                    return new Point2D(x, y);
                  }
                }
              }
              return null;
            });
    assertNotNull(local, "no empty spot in the graph area");
    return fx(() -> gv.graphPanel().localToScreen(local));
  }

  // ---- the window ----

  private GraphView gv() {
    return window.graphView();
  }

  /** Opens a project and waits until the view has drawn its first snapshot. */
  private void open(FxRobot robot, Path project) throws Exception {
    robot.interact(() -> window.open(project));
    GraphView gv = gv();
    waitFor(
        20,
        () ->
            project.equals(window.projectFolder())
                && fx(
                    () ->
                        gv.snapshot() != null
                            && gv.snapshot().tick() == 0
                            && gv.graphPanel() != null
                            && gv.transform().valid()
                            && !Double.isNaN(gv.nodeX(gv.snapshot().nodeCount() - 1))));
  }

  /** Steps the run and waits until the view shows the tick reached. */
  private void step(FxRobot robot, int ticks) throws Exception {
    GraphView gv = gv();
    int from = fx(() -> gv.snapshot().tick());
    for (int k = 0; k < ticks; k++) {
      robot.clickOn("#stepButton");
    }
    waitFor(10, () -> fx(() -> gv.snapshot().tick()) == from + ticks);
  }

  /**
   * Waits until the view stops drawing: the newest snapshot's vesicles are on screen and have
   * arrived, flashes faded and the camera rests. Polls the frame count until it has not moved for
   * 300 ms.
   */
  private void settle() throws Exception {
    GraphView gv = gv();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long last = -1;
    long since = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long frames = fx(gv::framesDrawn);
      boolean shown = fx(() -> gv.drawnSnapshot() == gv.snapshot());
      long now = System.nanoTime();
      if (frames != last || !shown) {
        last = frames;
        since = now;
      } else if (now - since >= 300_000_000L) {
        return;
      }
      Thread.sleep(25);
    }
    fail("the graph view kept drawing for 10 s");
  }
}
