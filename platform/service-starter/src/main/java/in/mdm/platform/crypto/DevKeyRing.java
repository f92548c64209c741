package in.mdm.platform.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development key ring kept in a properties file ({@code active-key}, {@code key},
 * {@code index-key}), made on first use, readable by its owner only. Several services
 * (and replicas) may be given the same file and start at the same moment: the ring is
 * written to a temporary file and linked into place only when complete, so whoever comes
 * second reads the first one's ring and never a half-written file.
 */
final class DevKeyRing {

    static final String ACTIVE_KEY = "active-key";

    static final String KEY = "key";

    static final String INDEX_KEY = "index-key";

    private static final Logger log = LoggerFactory.getLogger(DevKeyRing.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevKeyRing() {
    }

    /** The ring kept in the file, made on first use. */
    static Properties load(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot keep the development key ring in " + file, ex);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // created rw------- on POSIX file systems
        Path draft = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Properties ring = new Properties();
            ring.setProperty(ACTIVE_KEY, "dev1");
            ring.setProperty(KEY, random());
            ring.setProperty(INDEX_KEY, random());
            try (Writer out = Files.newBufferedWriter(draft)) {
                ring.store(out, "Development keys of personal data (mdm.crypto); never in production");
            }
            restrict(draft);
            try {
                // a hard link appears complete or not at all, and never replaces a ring
                Files.createLink(file, draft);
            }
            catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                return;
            }
            catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                // a file system without hard links: a plain move, which refuses an
                // existing ring
                try {
                    Files.move(draft, file);
                }
                catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                    return;
                }
            }
            log.info("Generated a development key ring for personal data in {}", file);
        }
        finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException notPosix) {
            // kept with the file system's default permissions
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties ring = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            ring.load(in);
        }
        List<String> missing = new ArrayList<>();
        for (String name : new String[] { ACTIVE_KEY, KEY, INDEX_KEY }) {
            if (ring.getProperty(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The development key ring " + file + " lacks " + missing);
        }
        return ring;
    }

    private static String random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

}
