package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.data.Blendshapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameJsonTest {

  @Test
  void frameJsonHasTheShapeFormatsMdPromises() throws Exception {
    double[] w = new double[52];
    for (int k = 0; k < 52; k++) {
      w[k] = k / 51.0;
    }
    TrackedFrame frame = new TrackedFrame(1.5, new double[][] {{10.25, 20.5}, {30, 40}}, w, 0.1, 0.9, 4.25,
        Map.of("filter", 0.5));
    JsonNode json = new ObjectMapper().readTree(FrameJson.encode(frame, 123L));
    assertThat(json.get("t").doubleValue()).isEqualTo(1.5);
    assertThat(json.get("landmarks").toString()).isEqualTo("[[10.25,20.5],[30.0,40.0]]");
    List<String> names = new ArrayList<>();
    json.get("blendshapes").fieldNames().forEachRemaining(names::add);
    assertThat(names).isEqualTo(Blendshapes.ARKIT_52);
    assertThat(json.get("blendshapes").get("tongueOut").doubleValue()).isEqualTo(1.0);
    assertThat(json.get("blendshapes").get("eyeLookDownLeft").doubleValue()).isEqualTo(0.019608);
    assertThat(json.get("eyes").get("left_closed").doubleValue()).isEqualTo(0.1);
    assertThat(json.get("eyes").get("right_closed").doubleValue()).isEqualTo(0.9);
    assertThat(json.get("latency_ms").doubleValue()).isEqualTo(4.25);
    assertThat(json.get("stage_ms").get("filter").doubleValue()).isEqualTo(0.5);
    assertThat(json.get("sent_at_ms").longValue()).isEqualTo(123L);
  }

  @Test
  void headsetFramesCarryTheirCameraImagesAndOthersDoNot() throws Exception {
    byte[] png = dev.mimik.core.io.png.GrayPng.encode(2, 2, new byte[] {0, 64, (byte) 128, (byte) 255});
    List<TrackedFrame.CameraImage> images = List.of(new TrackedFrame.CameraImage("eye_left", png, true),
        new TrackedFrame.CameraImage("glabella", png, false));
    TrackedFrame frame = new TrackedFrame(0.5, new double[0][], new double[52], 0, 0, 1, Map.of(),
        new TrackedFrame.HeadsetViews(images, "left eye dark"));
    JsonNode json = new ObjectMapper().readTree(FrameJson.encode(frame, 7L));
    assertThat(json.get("views")).hasSize(2);
    assertThat(json.get("views").get(0).get("camera").asText()).isEqualTo("eye_left");
    assertThat(java.util.Base64.getDecoder().decode(json.get("views").get(0).get("png").asText())).isEqualTo(png);
    assertThat(json.get("views").get(0).get("failed").asBoolean()).isTrue();
    assertThat(json.get("views").get(1).get("failed").asBoolean()).isFalse();
    assertThat(json.get("view_problem").asText()).isEqualTo("left eye dark");
    TrackedFrame ok = new TrackedFrame(0.5, new double[0][], new double[52], 0, 0, 1, Map.of(),
        new TrackedFrame.HeadsetViews(images, null));
    assertThat(new ObjectMapper().readTree(FrameJson.encode(ok, 7L)).get("view_problem").isNull()).isTrue();
    TrackedFrame plain = new TrackedFrame(0.5, new double[0][], new double[52], 0, 0, 1, Map.of());
    JsonNode other = new ObjectMapper().readTree(FrameJson.encode(plain, 7L));
    assertThat(other.has("views")).isFalse();
    assertThat(other.has("view_problem")).isFalse();
  }
}
