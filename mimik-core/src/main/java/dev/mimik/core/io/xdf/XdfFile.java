package dev.mimik.core.io.xdf;

import dev.mimik.core.io.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The chunk layer of XDF 1.0: the {@code XDF:} magic, then chunks of [length][tag][content] with FileHeader (1),
 * StreamHeader (2), Samples (3), ClockOffset (4), Boundary (5) and StreamFooter (6). Strict: a truncated or
 * malformed chunk is bad input, not skipped.
 */
final class XdfFile {

  private static final Set<String> FORMATS = Set.of("int8", "int16", "int32", "int64", "float32", "double64", "string");

  private final Path file;
  private final ByteBuffer buf;
  private final Map<Long, XdfStream> streams = new LinkedHashMap<>();

  private XdfFile(Path file, byte[] bytes) {
    this.file = file;
    this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Parses every chunk; streams in order of their headers, time stamps as recorded (not synchronised). */
  static List<XdfStream> parse(Path file, byte[] bytes) {
    XdfFile xdf = new XdfFile(file, bytes);
    xdf.parseChunks();
    return new ArrayList<>(xdf.streams.values());
  }

  private void parseChunks() {
    if (buf.remaining() < 4 || buf.getInt() != 0x3a464458) { // "XDF:" little-endian
      throw new BadInputException(file, "not an XDF file (no XDF: magic)");
    }
    boolean header = false;
    while (buf.hasRemaining()) {
      int start = buf.position();
      try {
        long length = varLength(buf, start);
        if (length < 2 || length > buf.remaining()) {
          throw bad(start, "chunk length " + length + " runs past the end of the file");
        }
        ByteBuffer chunk = buf.slice(buf.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(buf.position() + (int) length);
        int tag = Short.toUnsignedInt(chunk.getShort());
        switch (tag) {
          case 1 -> header = true;
          case 2 -> streamHeader(start, chunk);
          case 3 -> samples(start, chunk);
          case 4 -> clockOffset(start, chunk);
          case 5 -> { } // boundary chunks only help recovery from corruption
          case 6 -> stream(start, chunk.getInt()); // footers repeat what the samples say
          default -> throw bad(start, "unknown chunk tag " + tag);
        }
      } catch (BufferUnderflowException e) {
        throw bad(start, "chunk content ends early");
      }
      if (!header) {
        throw bad(start, "the first chunk is not a FileHeader");
      }
    }
  }

  private long varLength(ByteBuffer b, int at) {
    int bytes = Byte.toUnsignedInt(b.get());
    return switch (bytes) {
      case 1 -> Byte.toUnsignedLong(b.get());
      case 4 -> Integer.toUnsignedLong(b.getInt());
      case 8 -> b.getLong();
      default -> throw bad(at, "invalid variable-length integer (" + bytes + " bytes)");
    };
  }

  private XdfStream stream(int at, int id) {
    XdfStream s = streams.get(Integer.toUnsignedLong(id));
    if (s == null) {
      throw bad(at, "chunk for stream " + Integer.toUnsignedLong(id) + " before its StreamHeader");
    }
    return s;
  }

  private void streamHeader(int at, ByteBuffer chunk) {
    long id = Integer.toUnsignedLong(chunk.getInt());
    if (streams.containsKey(id)) {
      throw bad(at, "a second StreamHeader for stream " + id);
    }
    byte[] xml = new byte[chunk.remaining()];
    chunk.get(xml);
    Element info = parseXml(at, xml);
    String name = text(info, "name");
    String format = text(info, "channel_format");
    if (!FORMATS.contains(format)) {
      throw bad(at, "stream " + id + " has unknown channel_format \"" + format + "\"");
    }
    int channels;
    double rate;
    try {
      channels = Integer.parseInt(text(info, "channel_count"));
      rate = Double.parseDouble(text(info, "nominal_srate"));
    } catch (NumberFormatException e) {
      throw bad(at, "stream " + id + " has a bad channel_count or nominal_srate");
    }
    if (channels < 1 || channels > 1 << 16 || !(rate >= 0) || Double.isInfinite(rate)) {
      throw bad(at, "stream " + id + " has channel_count " + channels + " and nominal_srate " + rate);
    }
    List<String> labels = new ArrayList<>();
    List<String> units = new ArrayList<>();
    List<Element> described = children(child(child(info, "desc"), "channels"), "channel");
    for (int k = 0; k < channels; k++) {
      Element ch = k < described.size() ? described.get(k) : null;
      String label = ch == null ? "" : text(ch, "label");
      labels.add(label.isEmpty() ? "ch" + k : label);
      units.add(ch == null ? "" : text(ch, "unit"));
    }
    streams.put(id, new XdfStream(id, name.isEmpty() ? "stream" + id : name, text(info, "type"), channels, rate,
        format, labels, units));
  }

  private void samples(int at, ByteBuffer chunk) {
    XdfStream s = stream(at, chunk.getInt());
    long n = varLength(chunk, at);
    if (n > chunk.remaining()) {
      throw bad(at, "Samples chunk claims " + n + " samples, more than its bytes");
    }
    double step = s.nominalRate > 0 ? 1 / s.nominalRate : 0;
    for (long i = 0; i < n; i++) {
      int stampBytes = Byte.toUnsignedInt(chunk.get());
      double t = switch (stampBytes) {
        case 0 -> s.lastTimestamp + step;
        case 8 -> chunk.getDouble();
        default -> throw bad(at, "time stamp of " + stampBytes + " bytes in a Samples chunk");
      };
      if (!Double.isFinite(t)) {
        throw bad(at, "a time stamp of stream " + s.id + " is not finite");
      }
      s.addTime(t);
      if (s.isString()) {
        String[] row = new String[s.channelCount];
        for (int k = 0; k < row.length; k++) {
          long len = varLength(chunk, at);
          if (len > chunk.remaining()) {
            throw bad(at, "string value runs past its chunk");
          }
          byte[] text = new byte[(int) len];
          chunk.get(text);
          row[k] = new String(text, StandardCharsets.UTF_8);
        }
        s.strings.add(row);
      } else {
        int base = s.sampleCount * s.channelCount;
        for (int k = 0; k < s.channelCount; k++) {
          s.values[base + k] = switch (s.format) {
            case "int8" -> chunk.get();
            case "int16" -> chunk.getShort();
            case "int32" -> chunk.getInt();
            case "int64" -> chunk.getLong();
            case "float32" -> chunk.getFloat();
            default -> chunk.getDouble();
          };
        }
      }
      s.sampleCount++;
    }
    if (chunk.hasRemaining()) {
      throw bad(at, "Samples chunk has " + chunk.remaining() + " bytes after its last sample");
    }
  }

  private void clockOffset(int at, ByteBuffer chunk) {
    XdfStream s = stream(at, chunk.getInt());
    double time = chunk.getDouble();
    double value = chunk.getDouble();
    if (!Double.isFinite(time) || !Double.isFinite(value)) {
      throw bad(at, "ClockOffset chunk holds a non-finite number");
    }
    s.clockOffsets.add(new double[] {time, value});
  }

  private Element parseXml(int at, byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      Document doc = builder.parse(new ByteArrayInputStream(xml));
      Element root = doc.getDocumentElement();
      if (!root.getTagName().equals("info")) {
        throw bad(at, "stream header XML has no <info> root");
      }
      return root;
    } catch (BadInputException e) {
      throw e;
    } catch (Exception e) {
      throw bad(at, "stream header is not valid XML");
    }
  }

  /** Text of the first direct child element with this tag, or "". */
  private static String text(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().strip();
  }

  /** The first direct child element with this tag, or null (also when {@code parent} is null). */
  private static Element child(Element parent, String tag) {
    List<Element> all = children(parent, tag);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private BadInputException bad(int at, String problem) {
    return new BadInputException(file, "chunk at byte " + at + ": " + problem);
  }
}
