package dev.mimik.learn.bioface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.bundle.BioModelBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trained BioNet together with everything tracking needs to use it: the front end that made its input windows,
 * the aligned landmark frame of its outputs, when the training camera saw blinks the calibrated blink detector, and
 * the person's face shape on the rig it was fitted on. Saved as one {@code .mimik} file (all travel in the bundle's
 * band settings; a file without an identity is tracked with one fitted on its first frames).
 */
public final class TrackingModel implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BioNetModel network;
  private final FrontEnd frontEnd;
  private final LandmarkFrame landmarkFrame;
  private final Optional<BlinkModel> blinks;
  private final Optional<PersonIdentity> identity;

  public TrackingModel(BioNetModel network, FrontEnd frontEnd, LandmarkFrame landmarkFrame,
      Optional<BlinkModel> blinks, Optional<PersonIdentity> identity) {
    this.network = network;
    this.frontEnd = frontEnd;
    this.landmarkFrame = landmarkFrame;
    this.blinks = blinks;
    this.identity = identity;
  }

  /**
   * The settings to store with a network trained on windows of {@code frontEnd} and targets in {@code frame}, with the
   * blink detector and the person's identity when there are.
   */
  public static JsonNode settingsJson(FrontEnd frontEnd, LandmarkFrame frame, Optional<BlinkModel> blinks,
      Optional<PersonIdentity> identity) {
    ObjectNode node = JSON.createObjectNode();
    node.set("frontEnd", JSON.valueToTree(frontEnd));
    node.set("landmarkFrame", JSON.valueToTree(frame));
    blinks.ifPresent(b -> node.set("blinks", JSON.valueToTree(b)));
    identity.ifPresent(i -> node.set("identity", JSON.valueToTree(i)));
    return node;
  }

  /** Loads a model file, checking that it carries mimik's tracking settings. */
  public static TrackingModel load(Path file) {
    BioNetModel network = BioModelBundle.load(file);
    try {
      JsonNode settings = network.bandSettings();
      FrontEnd fe = JSON.treeToValue(settings.path("frontEnd"), FrontEnd.class);
      LandmarkFrame lf = JSON.treeToValue(settings.path("landmarkFrame"), LandmarkFrame.class);
      Optional<BlinkModel> blinks = settings.has("blinks")
          ? Optional.of(JSON.treeToValue(settings.get("blinks"), BlinkModel.class)) : Optional.empty();
      Optional<PersonIdentity> identity = settings.has("identity")
          ? Optional.of(JSON.treeToValue(settings.get("identity"), PersonIdentity.class)) : Optional.empty();
      if (blinks.isPresent() && !fe.channels().contains(blinks.get().channel())) {
        throw new IllegalArgumentException("its blink channel is not among the front end's");
      }
      if (fe == null || lf == null || lf.set() != network.landmarkSet()
          || fe.inputCount() != network.config().inputs() || fe.windowSamples() != network.config().windowSamples()) {
        throw new IllegalArgumentException("its front end or landmark frame does not match the network");
      }
      return new TrackingModel(network, fe, lf, blinks, identity);
    } catch (IOException | IllegalArgumentException e) {
      network.close();
      throw new BadInputException(file, "not a tracking model: " + e.getMessage(), e);
    }
  }

  /** Writes the model file, all or nothing. */
  public void save(Path file) throws IOException {
    BioModelBundle.save(network, file);
  }

  public BioNetModel network() {
    return network;
  }

  public FrontEnd frontEnd() {
    return frontEnd;
  }

  public LandmarkFrame landmarkFrame() {
    return landmarkFrame;
  }

  /** The blink detector calibrated on the training camera's blinks, if it saw enough of them. */
  public Optional<BlinkModel> blinks() {
    return blinks;
  }

  /** The person's face shape on {@code rig}, when the model carries one fitted on that rig. */
  public Optional<PersonIdentity> identityOn(FaceRig rig) {
    return identity.filter(i -> i.fits(rig));
  }

  @Override
  public void close() {
    network.close();
  }
}
