package dev.tarn.detect.python;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * GraalPy's view of the host file system when {@code python.path} directories are configured: only paths inside those
 * directories exist (symbolic links are followed before the check), and the runtime wraps this in a read-only file
 * system that also lets GraalPy read its own standard library.
 */
final class PythonPathFileSystem implements FileSystem {

  private final FileSystem host = FileSystem.newDefaultFileSystem();
  private final List<Path> roots;

  PythonPathFileSystem(List<Path> directories) {
    List<Path> real = new ArrayList<>();
    for (Path directory : directories) {
      Path absolute = directory.toAbsolutePath().normalize();
      real.add(absolute);
      try {
        real.add(absolute.toRealPath());
      } catch (IOException e) {
        // A python.path directory that does not exist simply contributes nothing.
      }
    }
    this.roots = List.copyOf(real);
  }

  /** The sandboxed file system GraalPy gets: these directories, read-only, plus GraalPy's own home. */
  static FileSystem forDirectories(List<Path> directories) {
    return FileSystem.allowInternalResourceAccess(
        FileSystem.newReadOnlyFileSystem(new PythonPathFileSystem(directories)));
  }

  private Path check(Path path) throws IOException {
    Path absolute = host.toAbsolutePath(path).normalize();
    if (!inside(absolute)) {
      throw new NoSuchFileException(path.toString(), null, "outside the python.path directories");
    }
    try {
      Path real = absolute.toRealPath();
      if (!inside(real)) {
        throw new NoSuchFileException(path.toString(), null, "links outside the python.path directories");
      }
    } catch (NoSuchFileException e) {
      // Not there (yet): the lexical check above is what matters.
    }
    return absolute;
  }

  private boolean inside(Path path) {
    for (Path root : roots) {
      if (path.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Path parsePath(URI uri) {
    return host.parsePath(uri);
  }

  @Override
  public Path parsePath(String path) {
    return host.parsePath(path);
  }

  @Override
  public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
      throws IOException {
    host.checkAccess(check(path), modes, linkOptions);
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    throw new IOException("the python.path directories are read-only");
  }

  @Override
  public void delete(Path path) throws IOException {
    throw new IOException("the python.path directories are read-only");
  }

  @Override
  public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
      FileAttribute<?>... attrs) throws IOException {
    return host.newByteChannel(check(path), options, attrs);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    return host.newDirectoryStream(check(dir), filter);
  }

  @Override
  public Path toAbsolutePath(Path path) {
    return host.toAbsolutePath(path);
  }

  @Override
  public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
    return host.toRealPath(check(path), linkOptions);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    return host.readAttributes(check(path), attributes, options);
  }
}
