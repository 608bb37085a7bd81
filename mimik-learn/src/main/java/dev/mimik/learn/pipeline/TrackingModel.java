package dev.mimik.learn.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.BadInputException;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.bundle.BioModelBundle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained BioNet together with everything tracking needs to use it: the front end that made its input windows
 * and the aligned landmark frame of its outputs. Saved as one {@code .mimik} file (the two travel in the bundle's
 * band settings).
 */
public final class TrackingModel implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BioNetModel network;
  private final FrontEnd frontEnd;
  private final LandmarkFrame landmarkFrame;

  public TrackingModel(BioNetModel network, FrontEnd frontEnd, LandmarkFrame landmarkFrame) {
    this.network = network;
    this.frontEnd = frontEnd;
    this.landmarkFrame = landmarkFrame;
  }

  /** The settings to store with a network trained on windows of {@code frontEnd} and targets in {@code frame}. */
  public static JsonNode settingsJson(FrontEnd frontEnd, LandmarkFrame frame) {
    ObjectNode node = JSON.createObjectNode();
    node.set("frontEnd", JSON.valueToTree(frontEnd));
    node.set("landmarkFrame", JSON.valueToTree(frame));
    return node;
  }

  /** Loads a model file, checking that it carries mimik's tracking settings. */
  public static TrackingModel load(Path file) {
    BioNetModel network = BioModelBundle.load(file);
    try {
      JsonNode settings = network.bandSettings();
      FrontEnd fe = JSON.treeToValue(settings.path("frontEnd"), FrontEnd.class);
      LandmarkFrame lf = JSON.treeToValue(settings.path("landmarkFrame"), LandmarkFrame.class);
      if (fe == null || lf == null || lf.set() != network.landmarkSet()
          || fe.inputCount() != network.config().inputs() || fe.windowSamples() != network.config().windowSamples()) {
        throw new IllegalArgumentException("its front end or landmark frame does not match the network");
      }
      return new TrackingModel(network, fe, lf);
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

  @Override
  public void close() {
    network.close();
  }
}
