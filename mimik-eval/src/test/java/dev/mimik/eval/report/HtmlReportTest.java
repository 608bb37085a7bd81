package dev.mimik.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsTable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @TempDir Path dir;

  /** A noisy prediction of a moving face: 300 frames at 30 fps, a few frames lost. */
  static LandmarkMetrics metrics(long seed, double noisePx) {
    Random random = new Random(seed);
    int frames = 300;
    double[] times = new double[frames];
    double[][] truth = new double[frames][136];
    double[][] pred = new double[frames][136];
    boolean[] missing = new boolean[frames];
    for (int f = 0; f < frames; f++) {
      times[f] = f / 30.0;
      for (int i = 0; i < 68; i++) {
        truth[f][2 * i] = 100 + 2 * i + 5 * Math.sin(f / 10.0);
        truth[f][2 * i + 1] = 200 + (i % 7) * 10;
        pred[f][2 * i] = truth[f][2 * i] + noisePx * random.nextGaussian();
        pred[f][2 * i + 1] = truth[f][2 * i + 1] + noisePx * random.nextGaussian();
      }
      missing[f] = f % 50 == 7;
    }
    return new LandmarkEvaluator().evaluate(new LandmarkTrack(times, 68, pred, missing),
        new LandmarkTrack(times, 68, truth, new boolean[frames]));
  }

  @Test
  void aReportWithEveryBuiltInChartParsesAndItsImagesArePngs() throws Exception {
    LandmarkMetrics m = metrics(1, 2);
    MetricsTable table = new MetricsTable(List.of(
        new MetricsTable.Entry("U1", "s1", m), new MetricsTable.Entry("U2", "s1", metrics(2, 3))));
    Random random = new Random(3);
    double[] samples = random.doubles(50_000).map(v -> v - 0.5).toArray(); // longer than a chart keeps
    Signal signal = Signal.of(List.of(new Channel("EMG1", "uV", 1000, samples)));
    double[][] weights = new double[100][52];
    for (double[] row : weights) {
      for (int k = 0; k < 52; k++) {
        row[k] = random.nextDouble() * (k % 5 == 0 ? 1 : 0.1);
      }
    }
    BlendshapeTrack shapes = new BlendshapeTrack(
        java.util.stream.IntStream.range(0, 100).mapToDouble(f -> f / 30.0).toArray(), Blendshapes.ARKIT_52, weights);

    HtmlReport report = new HtmlReport("Evaluation <of> \"model\" & baseline")
        .paragraph("A <script>alert(1)</script> paragraph stays text.");
    LandmarkSections.addEvaluation(report, "bionet", m);
    LandmarkSections.addTable(report, table);
    report.heading("Over time")
        .chart("signals", Charts.signals(signal, 4))
        .chart("landmarks", Charts.thinnedLandmarks(List.of(
            new Charts.Series("upper lip (51)", new double[] {0, 0.1, 0.2}, new double[] {0, Double.NaN, 0}))))
        .chart("blendshapes", Charts.thinnedBlendshapes(List.of(
            new Charts.Series("jawOpen", shapes.timesSeconds(), shapes.column("jawOpen")))));
    Path file = dir.resolve("report.html");
    report.write(file);

    String html = Files.readString(file);
    Parser parser = Parser.htmlParser().setTrackErrors(100);
    Document doc = Jsoup.parse(html, "", parser);
    ParseErrorList errors = parser.getErrors();
    assertThat(errors).as("HTML parse errors").isEmpty();
    assertThat(doc.title()).isEqualTo("Evaluation <of> \"model\" & baseline");
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("p").first().text()).contains("<script>");
    assertThat(doc.select("h2").eachText()).contains("Landmark accuracy: bionet", "Per participant", "Over time");
    Element summary = doc.select("table").first();
    assertThat(summary.select("td").eachText()).contains("nme_percent", "frames evaluated", "294");
    assertThat(doc.select("table").get(1).select("tbody tr")).hasSize(3); // U1, U2, dataset

    List<Element> images = new ArrayList<>(doc.select("img"));
    assertThat(images).hasSize(8);
    for (Element img : images) {
      String src = img.attr("src");
      assertThat(src).startsWith("data:image/png;base64,");
      byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
      assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as(img.attr("alt")).isNotNull();
      assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    }
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void sectionsKeepTheirOrder() {
    String html = new HtmlReport("t").heading("first").paragraph("p1").heading("second")
        .table(List.of("a", "b"), List.of(List.of(1, "x"))).toHtml();
    Document doc = Jsoup.parse(html);
    assertThat(doc.body().children().eachText()).containsExactly("t", "first", "p1", "second", "a b 1 x");
    assertThat(doc.select("td.num").text()).isEqualTo("1");
  }
}
