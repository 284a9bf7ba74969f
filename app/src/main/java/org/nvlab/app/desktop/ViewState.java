package org.nvlab.app.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.CheckMenuItem;

/**
 * What the window looked like, saved as view.json beside project.json (never in it) and restored
 * when the project is opened again: which panels are shown ({@code panels}: samples, charts,
 * inspector, editors), the speed in ticks per second ({@code speed}, 0 for as fast as possible) and
 * {@code drawEvery}. FX thread only.
 */
final class ViewState {
  /** The View menu's panel items, by their names in view.json. */
  private final Map<String, CheckMenuItem> panels = new LinkedHashMap<>();

  private final RunControls run;

  ViewState(LabPanels shown, CheckMenuItem editors, RunControls run) {
    panels.put("samples", shown.samplesItem());
    panels.put("charts", shown.chartsItem());
    panels.put("inspector", shown.inspectorItem());
    panels.put("editors", editors);
    this.run = run;
  }

  /** The view as it is now. */
  ObjectNode save() {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    ObjectNode p = v.putObject("panels");
    panels.forEach((name, item) -> p.put(name, item.isSelected()));
    v.put("speed", run.speed());
    v.put("drawEvery", run.drawEvery());
    return v;
  }

  /** Restores what view.json says (missing, unknown or broken entries keep the current view). */
  void restore(ObjectNode v) {
    if (v == null) {
      return;
    }
    JsonNode p = v.path("panels");
    panels.forEach(
        (name, item) -> {
          if (p.path(name).isBoolean()) {
            item.setSelected(p.path(name).asBoolean());
          }
        });
    if (v.path("speed").isNumber()) {
      run.setSpeed(v.path("speed").asDouble());
    }
    if (v.path("drawEvery").canConvertToInt()) {
      run.setDrawEvery(v.path("drawEvery").asInt());
    }
  }
}
