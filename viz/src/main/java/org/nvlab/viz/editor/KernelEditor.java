package org.nvlab.viz.editor;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.edit.ProjectEdit;
import org.nvlab.core.project.ProjectSpec.TypeSpec;

/**
 * The migration kernel of the selected type (model.md section 4), as {@link KernelFields} declares
 * it: temperature, neighbourhood and hops; the score as feature weights (theta) or as an expression
 * typed in an {@link ExpressionField}; edge biases and the content term; and the {@link
 * KernelPreviewPane}.
 *
 * <p>The expression is checked on every key, and each time it is valid it becomes the project's
 * kernel score at once (one step of undo for the whole typing, closed when the field is left), so a
 * running simulation takes it at its next tick. While it is invalid nothing changes.
 */
public final class KernelEditor extends ScrollPane {
  private final IntegerProperty type;
  private final DocumentForm form;
  private final RadioButton thetaMode = new RadioButton("feature weights (theta)");
  private final RadioButton scoreMode = new RadioButton("score expression");
  private final ExpressionField score = new ExpressionField("kernelScore", "kernel score");
  private final VBox scoreBox;
  private final KernelPreviewModel previewModel = new KernelPreviewModel();
  private final ProjectDocument.Listener listener = c -> refresh();
  private ProjectDocument doc;
  private Boolean shownScoreMode;
  private boolean updating;

  public KernelEditor(IntegerProperty type) {
    this.type = type;
    form =
        new DocumentForm(
            "kernelSheet", item -> typeName() + ": kernel " + item.getName(), this::typeBase);
    form.setTables(List.of(KernelFields.sheet(type::get)));
    ToggleGroup modes = new ToggleGroup();
    thetaMode.setToggleGroup(modes);
    scoreMode.setToggleGroup(modes);
    thetaMode.setId("kernelThetaMode");
    scoreMode.setId("kernelScoreMode");
    modes.selectedToggleProperty().addListener((o, a, b) -> switchMode(b == scoreMode));
    HBox modeRow = new HBox(10, new Label("Score by"), thetaMode, scoreMode);
    modeRow.setAlignment(Pos.CENTER_LEFT);

    score.setChecker(text -> doc.checkExpression(pointer("kernel/score"), text));
    score.setOnValid(this::applyScore);
    score.setOnLeave(
        () -> {
          if (doc != null) {
            doc.endMerge();
          }
        });
    String help = KernelFields.score(type::get).rows().get(0).help();
    score.textField().setTooltip(DocumentForm.tooltip(help));
    Label scoreHelp = new Label(help);
    scoreHelp.setWrapText(true);
    scoreHelp.getStyleClass().add("hint");
    scoreBox = new VBox(4, score, scoreHelp);

    VBox content =
        new VBox(
            8,
            modeRow,
            scoreBox,
            form.node(),
            new Separator(),
            new KernelPreviewPane(previewModel));
    content.setPadding(new Insets(8));
    setContent(content);
    setFitToWidth(true);
    setId("kernelEditor");
    type.addListener((o, a, b) -> refresh());
  }

  public KernelPreviewModel previewModel() {
    return previewModel;
  }

  public ExpressionField scoreField() {
    return score;
  }

  public DocumentForm form() {
    return form;
  }

  public void setDocument(ProjectDocument d) {
    doc = ProjectDocument.follow(doc, d, listener);
    shownScoreMode = null;
    form.setDocument(d);
    refresh();
  }

  private String typeBase() {
    return Fields.typePointer(type.get());
  }

  private String pointer(String rel) {
    return typeBase() + "/" + rel;
  }

  private String typeName() {
    TypeSpec ts = typeSpec();
    return ts == null ? "type" : ts.name();
  }

  private TypeSpec typeSpec() {
    if (doc == null) {
      return null;
    }
    return Fields.type(doc.spec(), type.get());
  }

  private void refresh() {
    TypeSpec ts = typeSpec();
    setDisable(ts == null);
    if (ts == null) {
      previewModel.show(null, -1);
      return;
    }
    boolean scoreOn = ts.kernel().score() != null;
    if (shownScoreMode == null || shownScoreMode != scoreOn) {
      shownScoreMode = scoreOn;
      updating = true;
      (scoreOn ? scoreMode : thetaMode).setSelected(true);
      updating = false;
      scoreBox.setVisible(scoreOn);
      scoreBox.setManaged(scoreOn);
    }
    form.refresh();
    score.show(scoreOn ? ts.kernel().score() : "");
    previewModel.show(doc.spec(), type.get());
  }

  /** Typing a valid expression: it becomes the kernel score (one undo step per typing). */
  private void applyScore(String text) {
    if (doc == null || updating || !scoreMode.isSelected()) {
      return;
    }
    ProjectDocument.Result r =
        doc.applyMerging(
            ProjectEdit.set(pointer("kernel/score"), text.strip())
                .labelled(typeName() + ": kernel score"));
    if (r.refused()) {
      StringBuilder b = new StringBuilder("kernel score not applied:");
      r.problems()
          .forEach(
              p ->
                  b.append('\n')
                      .append(ProblemView.relative(p.pointer(), typeBase()))
                      .append(": ")
                      .append(p.message()));
      score.showProblem(b.toString());
    }
  }

  /** Switches between theta and an expression; the expression starts as theta's equivalent. */
  private void switchMode(boolean toScore) {
    TypeSpec ts = typeSpec();
    if (updating || doc == null || ts == null || toScore == (ts.kernel().score() != null)) {
      return;
    }
    ProjectEdit edit;
    if (toScore) {
      edit =
          ProjectEdit.compound(
              typeName() + ": kernel as an expression",
              ProjectEdit.remove(pointer("kernel/theta")),
              ProjectEdit.set(pointer("kernel/score"), Fields.thetaExpression(ts.kernel())));
    } else {
      edit =
          ProjectEdit.compound(
              typeName() + ": kernel by feature weights",
              ProjectEdit.remove(pointer("kernel/score")));
    }
    ProjectDocument.Result r = doc.apply(edit);
    if (r.refused()) {
      shownScoreMode = null;
      refresh();
      score.showProblem("not switched: " + r.problems().get(0).message());
    }
  }

  /** Stops the preview's thread. */
  public void dispose() {
    previewModel.dispose();
  }
}
