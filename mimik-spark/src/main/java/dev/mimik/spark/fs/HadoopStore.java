package dev.mimik.spark.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Files on any file system Hadoop knows (local disk, HDFS, S3 where configured), as a batch reads and writes them:
 * inputs copied to a local folder when they are not local already, outputs published by writing a hidden temporary
 * file and renaming it onto its name, so a killed task leaves no half-written output under its real name.
 *
 * <p>Serializable: it travels to the executors as the Hadoop settings it was made with ({@code spark.hadoop.*}).
 * Local files go through Hadoop's raw local file system, which writes no {@code .crc} files beside them.
 */
public final class HadoopStore implements Serializable {

  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> settings;

  /** @param settings Hadoop settings on top of the defaults (for example {@code fs.s3a.endpoint}) */
  public HadoopStore(Map<String, String> settings) {
    this.settings = new HashMap<>(settings);
  }

  /** A store with Hadoop's default settings. */
  public static HadoopStore defaults() {
    return new HadoopStore(Map.of());
  }

  private Configuration configuration() {
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  private FileSystem fs(org.apache.hadoop.fs.Path path) throws IOException {
    return path.getFileSystem(configuration());
  }

  /** A path as Hadoop reads it: a URI, or a local path (made absolute). */
  public static org.apache.hadoop.fs.Path path(String location) {
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() == null || uri.getScheme().length() == 1) {
      return new org.apache.hadoop.fs.Path(Path.of(location).toAbsolutePath().toUri());
    }
    return new org.apache.hadoop.fs.Path(location);
  }

  /** {@code child} resolved against {@code parent}, as a location string. */
  public static String resolve(String parent, String child) {
    URI c = URI.create(child.replace(" ", "%20"));
    if (c.getScheme() != null && c.getScheme().length() > 1 || child.startsWith("/")) {
      return child;
    }
    return new org.apache.hadoop.fs.Path(path(parent), child).toString();
  }

  /** Whether the location is a file on the local disk (then it is read in place). */
  public static boolean isLocal(String location) {
    return "file".equals(path(location).toUri().getScheme());
  }

  /** The location as a user would write it: a local file as its path, anything else as its URI. */
  public static String display(String location) {
    return isLocal(location) ? localPath(location).toString() : location;
  }

  /** The local file of a local location. */
  public static Path localPath(String location) {
    return Path.of(path(location).toUri());
  }

  /** Whether a file or folder exists there. */
  public boolean exists(String location) {
    try {
      org.apache.hadoop.fs.Path p = path(location);
      return fs(p).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text file's content. */
  public String readText(String location) throws IOException {
    org.apache.hadoop.fs.Path p = path(location);
    try (InputStream in = fs(p).open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes a text file through a temporary name and a rename. */
  public void writeText(String location, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    publish(location, out -> out.write(bytes));
  }

  /** Content written to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code location} through a hidden temporary file beside it, renamed onto it when complete (an existing
   * file is replaced: the same recording written again by a retried task has the same content).
   */
  public void publish(String location, Content content) throws IOException {
    org.apache.hadoop.fs.Path target = path(location);
    FileSystem fs = fs(target);
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(target.getParent(),
        "." + target.getName() + "." + UUID.randomUUID() + ".part");
    fs.mkdirs(target.getParent());
    try {
      try (OutputStream out = fs.create(tmp, true)) {
        content.writeTo(out);
      }
      if (!fs.rename(tmp, target)) {
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
          throw new IOException("could not rename " + tmp + " to " + target);
        }
      }
    } finally {
      fs.delete(tmp, false);
    }
  }

  /** Copies every file under a local folder to the same relative names under {@code location}, one by one. */
  public void publishFolder(Path local, String location) throws IOException {
    try (Stream<Path> files = Files.walk(local)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = local.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        publish(location + "/" + rel, out -> Files.copy(f, out));
      }
    }
  }

  /**
   * The input as a local file: itself when it is local, else a copy in a new folder under {@code scratch}, under its
   * own file name (commands name their inputs by file name in what they write), with those of the {@code siblings}
   * (file names beside it) that exist.
   */
  public Path stage(String location, Path scratch, String... siblings) throws IOException {
    if (isLocal(location)) {
      return localPath(location);
    }
    org.apache.hadoop.fs.Path p = path(location);
    FileSystem fs = fs(p);
    Path dir = Files.createTempDirectory(scratch, "in");
    for (String sibling : siblings) {
      org.apache.hadoop.fs.Path s = new org.apache.hadoop.fs.Path(p.getParent(), sibling);
      if (fs.exists(s)) {
        try (InputStream in = fs.open(s)) {
          Files.copy(in, dir.resolve(sibling));
        }
      }
    }
    Path local = dir.resolve(p.getName());
    try (InputStream in = fs.open(p)) {
      Files.copy(in, local);
    }
    return local;
  }

  /**
   * Deletes the temporary files a killed writer left under a folder (hidden, ending in {@code .part}), so a re-run
   * leaves only real outputs behind.
   */
  public void deleteTemporaries(String folder) throws IOException {
    org.apache.hadoop.fs.Path p = path(folder);
    FileSystem fs = fs(p);
    if (!fs.exists(p)) {
      return;
    }
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(p, true);
    java.util.List<org.apache.hadoop.fs.Path> stale = new java.util.ArrayList<>();
    while (files.hasNext()) {
      org.apache.hadoop.fs.Path f = files.next().getPath();
      if (f.getName().startsWith(".") && f.getName().endsWith(".part")) {
        stale.add(f);
      }
    }
    for (org.apache.hadoop.fs.Path f : stale) {
      fs.delete(f, false);
    }
  }

  /** Deletes a file or folder tree if it exists. */
  public void delete(String location) throws IOException {
    org.apache.hadoop.fs.Path p = path(location);
    fs(p).delete(p, true);
  }
}
