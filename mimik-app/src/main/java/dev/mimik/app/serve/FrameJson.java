package dev.mimik.app.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mimik.core.data.Blendshapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * Writes a {@link TrackedFrame} as the JSON message of {@code /ws/frames} (FORMATS.md): {@code t}, {@code
 * landmarks} as {@code [[x, y], ...]}, {@code blendshapes} by ARKit name, {@code eyes}, {@code latency_ms}; plus
 * additions viewers may use: {@code stage_ms} (per tracking stage, when known), {@code views} and {@code
 * view_problem} (the headset camera images, base64 PNG, when the frame was tracked from them) and {@code
 * sent_at_ms} (the server's wall clock when the frame was encoded, so a viewer on the same clock can add transport
 * latency).
 */
public final class FrameJson {

  private static final JsonFactory JSON = new JsonFactory();

  private FrameJson() {}

  /** The frame's JSON text. */
  public static String encode(TrackedFrame frame, long sentAtMillis) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("t", frame.t());
      g.writeArrayFieldStart("landmarks");
      for (double[] p : frame.landmarks()) {
        g.writeStartArray();
        g.writeNumber(round(p[0]));
        g.writeNumber(round(p[1]));
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("blendshapes");
      double[] w = frame.blendshapes();
      for (int k = 0; k < w.length; k++) {
        g.writeNumberField(Blendshapes.ARKIT_52.get(k), roundWeight(w[k]));
      }
      g.writeEndObject();
      g.writeObjectFieldStart("eyes");
      g.writeNumberField("left_closed", round(frame.leftClosed()));
      g.writeNumberField("right_closed", round(frame.rightClosed()));
      g.writeEndObject();
      g.writeNumberField("latency_ms", round(frame.latencyMs()));
      if (!frame.stageMs().isEmpty()) {
        g.writeObjectFieldStart("stage_ms");
        for (Map.Entry<String, Double> e : frame.stageMs().entrySet()) {
          g.writeNumberField(e.getKey(), round(e.getValue()));
        }
        g.writeEndObject();
      }
      if (frame.headset() != null) {
        g.writeArrayFieldStart("views");
        for (TrackedFrame.CameraImage image : frame.headset().images()) {
          g.writeStartObject();
          g.writeStringField("camera", image.camera());
          g.writeStringField("png", Base64.getEncoder().encodeToString(image.png()));
          g.writeBooleanField("failed", image.failed());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("view_problem", frame.headset().problem());
      }
      g.writeNumberField("sent_at_ms", sentAtMillis);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Four decimals: well below a pixel and a third of the text of full doubles. */
  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0;
  }

  /** Blendshape weights to 1e-6, so that a replayed recording's frames can be checked against track's CSV. */
  private static double roundWeight(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : 0;
  }
}
