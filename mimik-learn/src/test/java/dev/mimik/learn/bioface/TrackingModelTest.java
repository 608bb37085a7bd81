package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.bundle.BioModelBundle;
import dev.mimik.learn.train.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingModelTest {

  @Test
  void saveAndLoadKeepTheNetworkTheFrontEndAndTheLandmarkFrame(@TempDir Path dir) throws Exception {
    TrackingModel model = SyntheticSession.trainedModel();
    Path file = dir.resolve("me.mimik");
    model.save(file);
    TrainingData probe = TrainingData.build(List.of(SyntheticSession.session(3, 3, 0.2, 77)),
        model.frontEnd(), model.landmarkFrame().set(), model.landmarkFrame(), w -> {});
    try (TrackingModel loaded = TrackingModel.load(file)) {
      assertThat(loaded.frontEnd()).isEqualTo(model.frontEnd());
      assertThat(loaded.landmarkFrame().set()).isEqualTo(model.landmarkFrame().set());
      assertThat(loaded.landmarkFrame().reference()).containsExactly(model.landmarkFrame().reference());
      assertThat(loaded.landmarkFrame().display()).isEqualTo(model.landmarkFrame().display());
      float[][] before = model.network().predict(probe.windows());
      float[][] after = loaded.network().predict(probe.windows());
      for (int f = 0; f < before.length; f++) {
        assertThat(after[f]).containsExactly(before[f], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void aModelWhoseSettingsDoNotMatchItsNetworkIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    BioNetModel net = SyntheticSession.trainedModel().network();
    FrontEnd fe = SyntheticSession.FRONT_END;
    FrontEnd longer = new FrontEnd(fe.channels(), fe.samplingRateHz(), fe.emgLowHz(), fe.emgHighHz(), fe.eogLowHz(),
        fe.eogHighHz(), fe.mainsHz(), fe.envelopeSeconds(), fe.decimation(), 0.5, fe.fps());
    FrontEnd threeChannels = new FrontEnd(List.of("A", "B", "C"), fe.samplingRateHz(), fe.emgLowHz(), fe.emgHighHz(),
        fe.eogLowHz(), fe.eogHighHz(), fe.mainsHz(), fe.envelopeSeconds(), fe.decimation(), fe.windowSeconds(), fe.fps());
    LandmarkFrame frame = SyntheticSession.trainedModel().landmarkFrame();
    LandmarkFrame otherSet = new LandmarkFrame(dev.mimik.core.data.LandmarkSet.IBUG_68, frame.reference(),
        frame.display());
    List<com.fasterxml.jackson.databind.JsonNode> bad = List.of(
        TrackingModel.settingsJson(longer, frame, java.util.Optional.empty(), java.util.Optional.empty()),
        TrackingModel.settingsJson(threeChannels, frame, java.util.Optional.empty(), java.util.Optional.empty()),
        TrackingModel.settingsJson(fe, otherSet, java.util.Optional.empty(), java.util.Optional.empty()),
        JsonNodeFactory.instance.objectNode().put("emg", "20-450 Hz"));
    for (int i = 0; i < bad.size(); i++) {
      Path file = dir.resolve("bad" + i + ".mimik");
      try (BioNetModel copy = BioNetModel.of(net.config(), net.normalisation(), bad.get(i), net.parameters())) {
        BioModelBundle.save(copy, file);
      }
      assertThatThrownBy(() -> TrackingModel.load(file)).as("settings %d", i)
          .isInstanceOf(BadInputException.class).hasMessageStartingWith(file.toString())
          .hasMessageContaining("not a tracking model");
    }
    Path corrupt = dir.resolve("corrupt.mimik");
    Files.write(corrupt, Arrays.copyOf("PK not really a zip".getBytes(), 200));
    assertThatThrownBy(() -> TrackingModel.load(corrupt)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(corrupt.toString());
  }

  /** A file written before sub-bands and per-session normalisation existed reads as one band, not normalised. */
  @Test
  void aModelFileWithoutTheNewFeatureSettingsLoadsWithTheFeaturesItWasTrainedOn(@TempDir Path dir) throws Exception {
    BioNetModel net = SyntheticSession.trainedModel().network();
    ObjectNode settings = (ObjectNode) TrackingModel.settingsJson(SyntheticSession.FRONT_END,
        SyntheticSession.trainedModel().landmarkFrame(), java.util.Optional.empty(), java.util.Optional.empty());
    ObjectNode frontEnd = (ObjectNode) settings.get("frontEnd");
    assertThat(frontEnd.path("emgSubBands").asInt()).isEqualTo(1);
    frontEnd.remove(List.of("emgSubBands", "sessionNormalised"));
    Path file = dir.resolve("old.mimik");
    try (BioNetModel copy = BioNetModel.of(net.config(), net.normalisation(), settings, net.parameters())) {
      BioModelBundle.save(copy, file);
    }
    try (TrackingModel loaded = TrackingModel.load(file)) {
      assertThat(loaded.frontEnd()).isEqualTo(SyntheticSession.FRONT_END);
      assertThat(loaded.frontEnd().emgSubBands()).isEqualTo(1);
      assertThat(loaded.frontEnd().sessionNormalised()).isFalse();
    }
    frontEnd.put("emgSubBands", 3); // says three envelopes per channel; the network takes one
    Path mismatch = dir.resolve("mismatch.mimik");
    try (BioNetModel copy = BioNetModel.of(net.config(), net.normalisation(), settings, net.parameters())) {
      BioModelBundle.save(copy, mismatch);
    }
    assertThatThrownBy(() -> TrackingModel.load(mismatch)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(mismatch.toString()).hasMessageContaining("does not match the network");
  }

  @Test
  void settingsJsonCarriesBothParts() {
    ObjectNode json = (ObjectNode) TrackingModel.settingsJson(SyntheticSession.FRONT_END,
        SyntheticSession.trainedModel().landmarkFrame(), java.util.Optional.empty(), java.util.Optional.empty());
    assertThat(json.path("frontEnd").path("channels").toString()).isEqualTo("[\"A\",\"B\"]");
    assertThat(json.path("landmarkFrame").path("set").asText()).isEqualTo("IBUG_51");
  }

  /**
   * Training fits the person's face shape on the camera's landmarks and the model file carries it, for the rig it
   * was fitted on only.
   */
  @Test
  void trainingFitsThePersonsIdentityAndTheFileKeepsItForItsRig(@TempDir Path dir) throws Exception {
    FaceRig rig = EmbeddedRig.load();
    TrainingOptions options = new TrainingOptions(1, 32, 3e-3f, 0, 7, 0.2, 2, 6, false);
    ModelTraining.Outcome outcome = ModelTraining.train(List.of(SyntheticSession.session(0, 20, 0.4, 5)),
        SyntheticSession.FRONT_END, SyntheticSession.SET, rig, options, null, w -> { });
    Path file = dir.resolve("me.mimik");
    try (TrackingModel model = outcome.model()) {
      PersonIdentity identity = model.identityOn(rig).orElseThrow();
      assertThat(identity.coefficients()).hasSize(rig.identityNames().size());
      assertThat(java.util.Arrays.stream(identity.coefficients()).allMatch(Double::isFinite)).isTrue();
      model.save(file);
    }
    try (TrackingModel loaded = TrackingModel.load(file)) {
      assertThat(loaded.identityOn(rig)).contains(outcome.model().identityOn(rig).orElseThrow());
      FaceRig other = new FaceRig("another-face", rig.neutral(), rig.triangles(), rig.shapeNames(),
          rig.shapeDeltas(), rig.identityNames(), rig.identityDeltas(), rig.landmarkVertices(), rig.leftEye(),
          rig.rightEye(), rig.millimetresPerUnit());
      assertThat(loaded.identityOn(other)).isEmpty();
    }
  }
}
